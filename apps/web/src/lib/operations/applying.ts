import { graphql } from '../graphql';

export const MyProfileIdQuery = graphql(`
  query MyProfileId {
    myCandidateProfile { id }
  }
`);

export const OfferMatchQuery = graphql(`
  query OfferMatch($candidateId: ID!, $offerId: ID!) {
    matchOfferForCandidate(candidateId: $candidateId, offerId: $offerId) {
      score
      eligible
      reasons { code label labelFr contribution }
      trainingGap { skills { code label } coveredBy { id title trainingHours } }
    }
  }
`);

export const ApplyMutation = graphql(`
  mutation Apply($input: ApplyInput!) {
    applyToOffer(input: $input) { id status }
  }
`);

export const MyApplicationForOfferQuery = graphql(`
  query MyApplicationsForOffer {
    myApplications(first: 100) { edges { node { id offer { id } } } }
  }
`);
