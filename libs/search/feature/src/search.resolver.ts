import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role, Viewer } from '@alternance/platform/domain';
import { CurrentViewer, Public, Roles } from '@alternance/platform/nest';
import { CandidateSearchInput, CandidateSearchResult, OfferSearchInput, OfferSearchResult } from '@alternance/search/graphql';
import { SearchService } from './search.service';

/** The job board's search. */
@Resolver()
export class OfferSearchResolver {
  constructor(private readonly search: SearchService) {}

  @Public()
  @Query(() => OfferSearchResult, {
    description: 'The job board: published offers by words (typo-tolerant), filters, facets and distance. Employers also find their own drafts.',
  })
  searchOffers(@CurrentViewer() viewer: Viewer | null, @Args('input', { description: 'What to look for.' }) input: OfferSearchInput) {
    return this.search.searchOffers(viewer, input);
  }
}

/** The talent marketplace's search. */
@Resolver()
export class CandidateSearchResolver {
  constructor(private readonly search: SearchService) {}

  @Roles(Role.EMPLOYER, Role.RECRUITER, Role.ADMIN)
  @Query(() => CandidateSearchResult, {
    description: 'The talent marketplace: PUBLIC and ANONYMOUS candidates (never HIDDEN ones, never private fields).',
  })
  searchCandidates(@CurrentViewer() viewer: Viewer, @Args('input', { description: 'What to look for.' }) input: CandidateSearchInput) {
    return this.search.searchCandidates(viewer, input);
  }
}
