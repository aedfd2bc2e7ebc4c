import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Role, Viewer } from '@alternance/platform/domain';
import { CurrentViewer, Roles } from '@alternance/platform/nest';
import { CandidateMatch, OfferMatch } from './matching.model';
import { MatchingService } from './matching.service';

@Resolver()
export class MatchingResolver {
  constructor(private readonly matching: MatchingService) {}

  @Roles(Role.CANDIDATE, Role.RECRUITER, Role.ADMIN)
  @Query(() => [OfferMatch], { description: 'Best published offers for a candidate, with reasons: the candidate themselves or staff.' })
  matchOffersForCandidate(
    @CurrentViewer() viewer: Viewer,
    @Args('candidateId', { type: () => ID, description: 'Candidate id.' }) candidateId: string,
    @Args('first', { type: () => Int, defaultValue: 20, description: 'How many (0 to 100).' }) first: number,
    @Args('includeIneligible', { defaultValue: false, description: 'Also list offers whose legal conditions the candidate does not meet.' }) includeIneligible: boolean,
  ) {
    return this.matching.offersForCandidate(viewer, candidateId, first, includeIneligible);
  }

  @Roles(Role.CANDIDATE, Role.RECRUITER, Role.ADMIN)
  @Query(() => OfferMatch, {
    nullable: true,
    description: 'One published offer for a candidate: the score, whether they are eligible and, if not, which rule fails. The candidate themselves or staff; null when the offer is not on the board.',
  })
  matchOfferForCandidate(
    @CurrentViewer() viewer: Viewer,
    @Args('candidateId', { type: () => ID, description: 'Candidate id.' }) candidateId: string,
    @Args('offerId', { type: () => ID, description: 'Offer id.' }) offerId: string,
  ) {
    return this.matching.offerForCandidate(viewer, candidateId, offerId);
  }

  @Roles(Role.EMPLOYER, Role.RECRUITER, Role.ADMIN)
  @Query(() => [CandidateMatch], { description: 'Best marketplace candidates for an offer, with reasons: the offer’s employer or staff.' })
  matchCandidatesForOffer(
    @CurrentViewer() viewer: Viewer,
    @Args('offerId', { type: () => ID, description: 'Offer id.' }) offerId: string,
    @Args('first', { type: () => Int, defaultValue: 20, description: 'How many (0 to 100).' }) first: number,
    @Args('includeIneligible', { defaultValue: false, description: 'Staff only: also list ineligible candidates, with the failed rule.' }) includeIneligible: boolean,
  ) {
    return this.matching.candidatesForOffer(viewer, offerId, first, includeIneligible);
  }
}
