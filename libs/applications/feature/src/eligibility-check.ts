import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { EligibilityResult, MatchReference, eligibility } from '@alternance/matching/domain';
import { loadMatchReference, toMatchCandidate, toMatchOffer } from '@alternance/matching/data-access';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { OfferEntity } from '@alternance/offers/data-access';

/**
 * The matcher's eligibility for one pair, with the matcher's own data loading: the same rules
 * decide who is matched and who may apply. The referential (paths, core skills, neighbours)
 * is read once per process, as the matching feature does.
 */
@Injectable()
export class EligibilityCheck {
  private reference?: Promise<MatchReference>;

  constructor(private readonly em: EntityManager) {}

  private matchReference(): Promise<MatchReference> {
    this.reference ??= loadMatchReference(this.em.fork()).catch((error) => {
      this.reference = undefined;
      throw error;
    });
    return this.reference;
  }

  /** `candidate.user` must be loaded. */
  async check(candidate: CandidateEntity, offer: OfferEntity, today: Date): Promise<EligibilityResult> {
    const reference = await this.matchReference();
    return eligibility(toMatchCandidate(candidate, candidate.user.getEntity().displayName), toMatchOffer(offer), reference, today);
  }
}
