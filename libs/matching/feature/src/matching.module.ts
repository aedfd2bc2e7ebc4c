import { Module } from '@nestjs/common';
import { MatchReferenceModule } from '@alternance/matching/data-access';
import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';

/** The matcher over the live data, without GraphQL. */
@Module({ imports: [MatchReferenceModule], providers: [MatchingService], exports: [MatchingService] })
export class MatchingModule {}

/** `matchOffersForCandidate` and `matchCandidatesForOffer`. */
@Module({ imports: [MatchingModule], providers: [MatchingResolver] })
export class MatchingApiModule {}
