import { graphql } from '../graphql';

export const CommunesByPostcodeQuery = graphql(`
  query CommunesByPostcode($postcode: String!) {
    communes(postcode: $postcode) { name postcode inseeCode lat lng }
  }
`);
