import { graphql } from '../graphql';

/** What a result card shows. */
export const OfferCardFields = graphql(`
  fragment OfferCardFields on Offer {
    id
    title
    contractType
    remotePolicy
    publishedAt
    startDate { earliest latest }
    location { city postcode }
    salary { min max currency period }
    organization { id name accessibility { disabilityReferent } }
  }
`);

export const SearchOffersQuery = graphql(
  `
    query SearchOffers($input: OfferSearchInput!) {
      searchOffers(input: $input) {
        totalCount
        edges { cursor distanceKm highlights { field snippet } node { ...OfferCardFields } }
        pageInfo { hasNextPage endCursor }
        facets { field values { value count } }
      }
    }
  `,
  [OfferCardFields],
);

export const OfferPageQuery = graphql(`
  query OfferPage($id: ID!) {
    offer(id: $id) {
      id
      title
      description
      status
      contractType
      hireContract { type durationMonths }
      romeCode
      remotePolicy
      positions
      publishedAt
      expiresAt
      updatedAt
      applicationsCount
      screeningQuestions
      startDate { earliest latest }
      location { city postcode country lat lng }
      salary { min max currency period }
      skills { level required skill { code label } }
      programs {
        id title level rncpCode durationMonths trainingDaysPerWeek trainingHours poeEligible
        competencyBlocks { code title }
      }
      organization { id name sector size siret claimed accessibility { disabilityReferent accommodations } }
      partnerApplication { url email }
      diploma
    }
  }
`);

export const OccupationQuery = graphql(`
  query OccupationLabel($code: String!) {
    occupation(code: $code) { code label }
  }
`);

export const OrganizationPageQuery = graphql(
  `
    query OrganizationPage($id: ID!) {
      organization(id: $id) {
        id name sector size siret country
        accessibility { disabilityReferent accommodations }
        offers { status ...OfferCardFields }
      }
    }
  `,
  [OfferCardFields],
);

export const ProgramPageQuery = graphql(`
  query ProgramPage($id: ID!) {
    program(id: $id) {
      id code title level rncpCode romeCodes durationMonths trainingDaysPerWeek trainingHours poeEligible openToApprenticeship
      competencyBlocks { code title skills { code label } }
    }
  }
`);
