import { graphql } from '../graphql';

export const SitemapOffersQuery = graphql(`
  query SitemapOffers($after: String) {
    searchOffers(input: { first: 100, after: $after, sort: NEWEST }) {
      totalCount
      edges { node { id title updatedAt organization { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const SitemapProgramsQuery = graphql(`
  query SitemapPrograms($after: String) {
    programs(first: 100, after: $after) {
      edges { node { id } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
