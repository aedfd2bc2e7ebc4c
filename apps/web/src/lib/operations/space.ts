import { graphql } from '../graphql';
import { OfferCardFields } from './offers';

/** Everything the profile editor and the dashboard's completeness read. */
export const MyProfileQuery = graphql(`
  query MyProfile {
    myCandidateProfile {
      id
      headline
      availableFrom
      educationLevel
      birthDate
      jobSeeker
      disabilityRecognised
      gender
      highestQualification
      livesInQpv
      internationalProtection
      situationBefore
      sensitiveDataConsent
      visibility
      mobilityRadiusKm
      remotePreference
      desiredRomeCodes
      updatedAt
      location { city postcode }
      skills { level skill { code label } }
      programs { id title level rncpCode }
    }
  }
`);

export const DashboardCountsQuery = graphql(`
  query DashboardCounts {
    myNotifications(first: 0) { unreadCount }
    myInvitations(first: 0, status: PENDING) { totalCount }
    myApplications(first: 0) { totalCount }
  }
`);

export const UpsertProfileMutation = graphql(`
  mutation UpsertProfile($input: CandidateProfileInput!) {
    upsertMyCandidateProfile(input: $input) {
      id
      location { city postcode }
      sensitiveDataConsent
      disabilityRecognised
      gender
      highestQualification
      livesInQpv
      internationalProtection
      situationBefore
    }
  }
`);

export const SkillSearchQuery = graphql(`
  query SkillSearch($query: String!) {
    skills(query: $query, first: 15) { totalCount edges { node { code label category } } }
  }
`);

export const OccupationSearchQuery = graphql(`
  query OccupationSearch($query: String!) {
    occupations(query: $query, first: 15) { totalCount edges { node { code label } } }
  }
`);

export const ProgramSearchQuery = graphql(`
  query ProgramSearch($query: String!) {
    programs(filter: { query: $query }, first: 15) { totalCount edges { node { id title level rncpCode durationMonths } } }
  }
`);

export const OccupationLabelQuery = graphql(`
  query OccupationName($code: String!) {
    occupation(code: $code) { code label }
  }
`);

export const MatchedOffersQuery = graphql(
  `
    query MatchedOffers($candidateId: ID!) {
      matchOffersForCandidate(candidateId: $candidateId, first: 20) {
        score
        eligible
        reasons { code label labelFr contribution }
        trainingGap { skills { code label } coveredBy { id title trainingHours } }
        offer { ...OfferCardFields }
      }
    }
  `,
  [OfferCardFields],
);

export const MyApplicationsQuery = graphql(`
  query MyApplications($after: String) {
    myApplications(first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          status
          createdAt
          updatedAt
          offer { id title organization { id name } }
        }
      }
    }
  }
`);

export const ApplicationQuery = graphql(`
  query MyApplication($id: ID!) {
    application(id: $id) {
      id
      status
      rejectionReason
      allowedMoves
      createdAt
      updatedAt
      message
      answers { question answer }
      history { status at note rejectionReason actorRole }
      offer { id title status contractType location { city postcode } organization { id name } }
    }
  }
`);

export const WithdrawApplicationMutation = graphql(`
  mutation WithdrawApplication($id: ID!) {
    withdrawApplication(id: $id) { id status }
  }
`);

export const MyInvitationsQuery = graphql(`
  query MyInvitations($after: String) {
    myInvitations(first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          status
          message
          createdAt
          answeredAt
          applicationId
          offer { id title status contractType screeningQuestions location { city postcode } organization { id name } }
        }
      }
    }
    myCandidateProfile { id visibility }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($id: ID!, $input: AcceptInvitationInput) {
    acceptInvitation(id: $id, input: $input) { id status applicationId }
  }
`);

export const DeclineInvitationMutation = graphql(`
  mutation DeclineInvitation($id: ID!) {
    declineInvitation(id: $id) { id status }
  }
`);

export const MyNotificationsQuery = graphql(`
  query MyNotifications($after: String) {
    myNotifications(first: 20, after: $after) {
      totalCount
      unreadCount
      pageInfo { hasNextPage endCursor }
      edges { node { id kind title body createdAt read subjectId subjectType } }
    }
  }
`);

export const MarkNotificationReadMutation = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) { id read }
  }
`);

export const MarkAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

export const ExportMyDataQuery = graphql(`
  query ExportMyData {
    exportMyData
  }
`);

export const DeleteMyAccountMutation = graphql(`
  mutation DeleteMyAccount($password: String!) {
    deleteMyAccount(password: $password)
  }
`);
