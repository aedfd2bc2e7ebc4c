import { graphql } from '../graphql';

export const SaveSearchMutation = graphql(`
  mutation SaveSearch($input: SaveSearchInput!) {
    saveSearch(input: $input) { id name alert }
  }
`);

export const MySavedSearchesQuery = graphql(`
  query MySavedSearches {
    mySavedSearches { id name alert createdAt }
  }
`);

export const DeleteSavedSearchMutation = graphql(`
  mutation DeleteSavedSearch($id: ID!) {
    deleteSavedSearch(id: $id)
  }
`);

/** The space's list of alerts: with the search itself, to describe it and run it again. */
export const MySavedSearchesWithCriteriaQuery = graphql(`
  query MySavedSearchesWithCriteria {
    mySavedSearches { id name alert createdAt search }
  }
`);
