import { Injectable } from '@nestjs/common';
import { EligibilityResult, eligibility } from '@alternance/matching/domain';
import { MatchReferences, toMatchCandidate, toMatchOffer } from '@alternance/matching/data-access';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { OfferEntity } from '@alternance/offers/data-access';

/**
 * The matcher's eligibility for one pair, with the matcher's own referential (paths, core
 * skills, neighbours; kept up to date with the catalogue): the same rules on the same data
 * decide who is matched and who may apply.
 */
@Injectable()
export class EligibilityCheck {
  constructor(private readonly references: MatchReferences) {}

  /** `candidate.user` must be loaded. */
  async check(candidate: CandidateEntity, offer: OfferEntity, today: Date): Promise<EligibilityResult> {
    const reference = await this.references.current();
    return eligibility(toMatchCandidate(candidate, candidate.user.getEntity().displayName), toMatchOffer(offer), reference, today);
  }
}
