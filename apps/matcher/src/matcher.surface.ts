import { ApiSurface, ENTITY_FIELDS } from '@alternance/api';
import { MatchingApiModule } from '@alternance/matching/feature';

/** The match queries, both ways, over the matcher's in-memory snapshot of offers and people. */
export const MATCHER: ApiSurface = {
  name: 'matcher',
  federated: true,
  modules: [...ENTITY_FIELDS, MatchingApiModule],
};
