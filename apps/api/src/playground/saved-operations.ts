/**
 * Saved operations for a recruiter's daily tasks: the playground opens with them as tabs, and
 * its sign-in panel lists them to open again in a new tab. Each one is validated against
 * schema.gql by saved-operations.spec.ts. Ids in the variables are placeholders to replace.
 */
export interface SavedOperation {
  /** The operation's name in `query`, which GraphiQL shows as the tab's title. */
  name: string;
  /** What it is for, in the panel's list. */
  description: string;
  query: string;
  variables?: string;
}

function vars(value: Record<string, unknown>): string {
  return JSON.stringify(value, null, 2);
}

export const SAVED_OPERATIONS: SavedOperation[] = [
  {
    name: 'Me',
    description: 'Who the token in Headers belongs to.',
    query: `# Who am I? Sign in with the panel on the left first: it puts the token in Headers.
query Me {
  me { id email role displayName organization { id name siret } }
}`,
  },
  {
    name: 'OffersOnTheBoard',
    description: 'Offers on the job board, newest first, with their organization and expiry date: where organization and offer ids come from.',
    query: `# Offers on the job board, newest first (employers also find their own drafts)
query OffersOnTheBoard($query: String) {
  searchOffers(input: { query: $query, sort: NEWEST, first: 20 }) {
    totalCount
    edges { node { id title status contractType publishedAt expiresAt organization { id name } location { city postcode } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: vars({ query: null }),
  },
  {
    name: 'OrganizationOffers',
    description: 'An organization’s offers: drafts waiting to be published, and published ones with their expiry date and applications count.',
    query: `# An organization's offers, newest first: DRAFT ones wait to be published;
# PUBLISHED ones close on expiresAt (compare it with today's date)
query OrganizationOffers($organizationId: ID!) {
  organization(id: $organizationId) {
    id
    name
    offers { id title status createdAt publishedAt expiresAt positions applicationsCount }
  }
}`,
    variables: vars({ organizationId: '<organization id, from OffersOnTheBoard>' }),
  },
  {
    name: 'OrganizationApplications',
    description: 'An organization’s applications, offer by offer, with the moves each one allows (a status narrows them down).',
    query: `# Applications to an organization's offers, newest first; status narrows them down
query OrganizationApplications($organizationId: ID!, $status: ApplicationStatus) {
  organization(id: $organizationId) {
    name
    offers {
      id
      title
      status
      applications(first: 20, status: $status) {
        totalCount
        edges { node { id status createdAt updatedAt allowedMoves candidate { id displayName headline visibility } } }
      }
    }
  }
}`,
    variables: vars({ organizationId: '<organization id, from OffersOnTheBoard>', status: 'SUBMITTED' }),
  },
  {
    name: 'MoveApplication',
    description: 'Move an application along the pipeline (REJECTED needs a reason).',
    query: `# Move an application along the pipeline; a refused move lists the allowed ones
mutation MoveApplication($id: ID!, $status: ApplicationStatus!, $note: String, $rejectionReason: RejectionReason) {
  moveApplication(id: $id, status: $status, note: $note, rejectionReason: $rejectionReason) {
    id
    status
    allowedMoves
    history { status at note }
  }
}`,
    variables: vars({ id: '<application id, from OrganizationApplications>', status: 'IN_REVIEW', note: null, rejectionReason: null }),
  },
  {
    name: 'BestCandidatesForOffer',
    description: 'Matching: the marketplace’s best candidates for an offer, with the matcher’s reasons.',
    query: `# The best marketplace candidates for an offer, with the matcher's reasons
query BestCandidatesForOffer($offerId: ID!) {
  offer(id: $offerId) { id title organization { name } }
  matchCandidatesForOffer(offerId: $offerId, first: 10) {
    score
    eligible
    reasons { label contribution }
    candidate { id displayName headline visibility availableFrom location { city } }
  }
}`,
    variables: vars({ offerId: '<offer id, from OrganizationOffers>' }),
  },
  {
    name: 'Occupations',
    description: 'Occupations and their core skills, for pickers.',
    query: `# Occupations and their core skills, for pickers
query Occupations($query: String) {
  occupations(query: $query, first: 5) {
    totalCount
    edges { node { code label domainLabel skillsNeeded { core skill { code label } } } }
  }
}`,
    variables: vars({ query: 'développeur' }),
  },
  {
    name: 'Programs',
    description: 'Training paths open to apprenticeship.',
    query: `# Training paths open to apprenticeship
query Programs($filter: ProgramFilter) {
  programs(filter: $filter, first: 10) {
    totalCount
    edges { cursor node { id title rncpCode level durationMonths trainingHours poeEligible } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: vars({ filter: { query: 'informatique', level: 6 } }),
  },
  {
    name: 'CreateOffer',
    description: 'Create a draft offer (employer or staff).',
    query: `# Create a draft offer (employer or staff)
mutation CreateOffer($input: CreateOfferInput!) {
  createOffer(input: $input) { id status title location { city lat lng } startDate { earliest latest } }
}`,
    variables: vars({
      input: {
        title: 'Développeur web en alternance',
        description: 'Rejoignez une équipe produit pour développer des applications web.',
        contractType: 'APPRENTICESHIP',
        romeCode: 'M1805',
        location: { country: 'FR', postcode: '69003' },
        remotePolicy: 'HYBRID',
        startDate: { earliest: '2027-01-04', latest: '2027-03-01' },
      },
    }),
  },
];
