import { graphql } from '../graphql';

export const CommunesByPostcodeQuery = graphql(`
  query CommunesByPostcode($postcode: String!) {
    communes(postcode: $postcode) { name postcode inseeCode lat lng }
  }
`);

export const SuggestQuery = graphql(`
  query Suggest($prefix: String!, $kinds: [SuggestionKind!], $first: Int) {
    suggest(prefix: $prefix, kinds: $kinds, first: $first) { kind label value postcode lat lng romeCode }
  }
`);
