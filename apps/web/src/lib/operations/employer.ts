import { graphql } from '../graphql';

/** The employer's organization with its offers (members see drafts and closed ones too). */
export const MyOrganizationQuery = graphql(`
  query MyOrganization($id: ID!) {
    organization(id: $id) {
      id
      name
      siret
      size
      sector
      country
      accessibility { disabilityReferent accommodations }
      offers { id title status contractType createdAt publishedAt expiresAt applicationsCount positions }
    }
  }
`);

export const UpdateOrganizationMutation = graphql(`
  mutation UpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) { id }
  }
`);

/** An offer as its editor and its management page read it. */
export const ManagedOfferQuery = graphql(`
  query ManagedOffer($id: ID!) {
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
      screeningQuestions
      createdAt
      publishedAt
      expiresAt
      applicationsCount
      startDate { earliest latest }
      location { city postcode inseeCode }
      salary { min max currency period }
      skills { required level skill { code } }
      programs { id }
      organization { id }
      invitations(first: 50) {
        totalCount
        edges { node { id status createdAt candidate { id displayName headline } } }
      }
    }
  }
`);

export const CreateOfferMutation = graphql(`
  mutation CreateOffer($input: CreateOfferInput!) {
    createOffer(input: $input) { id }
  }
`);

export const UpdateOfferMutation = graphql(`
  mutation UpdateOffer($id: ID!, $input: UpdateOfferInput!) {
    updateOffer(id: $id, input: $input) { id }
  }
`);

export const PublishOfferMutation = graphql(`
  mutation PublishOffer($id: ID!) {
    publishOffer(id: $id) { id status }
  }
`);

export const CloseOfferMutation = graphql(`
  mutation CloseOffer($id: ID!) {
    closeOffer(id: $id) { id status }
  }
`);

/**
 * One stage of an offer's pipeline: a column of the board. The API prices a query by the cards
 * it may return, so the board asks for its columns side by side, one query each.
 */
export const ApplicationColumnQuery = graphql(`
  query ApplicationColumn($id: ID!, $status: ApplicationStatus!) {
    offer(id: $id) {
      id
      title
      organization { id }
      applications(status: $status, first: 20) {
        totalCount
        edges { node { id status createdAt allowedMoves candidate { id displayName headline } } }
      }
    }
  }
`);

/** The list view: every application, newest first, paged. */
export const ApplicationListQuery = graphql(`
  query ApplicationList($id: ID!, $after: String) {
    offer(id: $id) {
      id
      title
      organization { id }
      applications(first: 50, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id status createdAt updatedAt allowedMoves candidate { id displayName headline } } }
      }
    }
  }
`);

export const EmployerApplicationQuery = graphql(`
  query EmployerApplication($id: ID!) {
    application(id: $id) {
      id
      status
      createdAt
      message
      allowedMoves
      rejectionReason
      answers { question answer }
      history { status at actorRole note rejectionReason }
      offer { id title organization { id } }
      candidate {
        id
        displayName
        email
        headline
        availableFrom
        visibility
        location { city postcode }
        desiredRomeCodes
        skills { level skill { code label } }
        programs { id title level }
      }
    }
  }
`);

export const MoveApplicationMutation = graphql(`
  mutation MoveApplication($id: ID!, $status: ApplicationStatus!, $rejectionReason: RejectionReason, $note: String) {
    moveApplication(id: $id, status: $status, rejectionReason: $rejectionReason, note: $note) { id status offer { id status } }
  }
`);

export const SearchCandidatesQuery = graphql(`
  query SearchCandidates($input: CandidateSearchInput!) {
    searchCandidates(input: $input) {
      totalCount
      pageInfo { hasNextPage endCursor }
      facets { field values { value count } }
      edges {
        cursor
        distanceKm
        highlights { field snippet }
        node { id displayName headline availableFrom remotePreference location { city postcode } skills { skill { label } } }
      }
    }
  }
`);

export const BestCandidatesQuery = graphql(`
  query BestCandidates($offerId: ID!) {
    offer(id: $offerId) { id title status organization { id } }
    matchCandidatesForOffer(offerId: $offerId, first: 20) {
      score
      eligible
      reasons { code label labelFr contribution }
      candidate { id displayName headline availableFrom location { city postcode } }
    }
  }
`);

/** A candidate as an employer may see them, with the employer's published offers to invite to. */
export const TalentQuery = graphql(`
  query Talent($id: ID!, $organizationId: ID!) {
    candidate(id: $id) {
      id
      displayName
      email
      headline
      availableFrom
      visibility
      remotePreference
      mobilityRadiusKm
      location { city postcode }
      desiredRomeCodes
      skills { level skill { code label } }
      programs { id title level }
    }
    organization(id: $organizationId) { id offers { id title status } }
  }
`);

export const InviteCandidateMutation = graphql(`
  mutation InviteCandidate($input: InviteInput!) {
    inviteCandidate(input: $input) { id }
  }
`);

export const EmployerSuggestQuery = graphql(`
  query EmployerSuggest($prefix: String!, $kinds: [SuggestionKind!]) {
    suggest(prefix: $prefix, kinds: $kinds, first: 1) { kind value label romeCode postcode name }
  }
`);

export const EmployerCountsQuery = graphql(`
  query EmployerCounts {
    myNotifications(first: 0) { unreadCount }
  }
`);
