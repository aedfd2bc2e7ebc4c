/** Saved operations the playground opens with: a recruiter's first steps. */
export const EXAMPLE_OPERATIONS = [
  {
    query: `# Sign in (demo logins are printed by \`npm run seed\`), then put the token in Headers:
# { "Authorization": "Bearer <accessToken>" }
mutation LogIn($input: LogInInput!) {
  logIn(input: $input) {
    accessToken
    expiresAt
    user { id email role displayName organization { name } }
  }
}`,
    variables: JSON.stringify({ input: { email: 'recruiter@demo.alternance.test', password: 'demo-password-2026' } }, null, 2),
  },
  {
    query: `# Who am I?
query Me {
  me { id email role displayName organization { id name siret } }
}`,
  },
  {
    query: `# Occupations and their core skills, for pickers
query Occupations($query: String) {
  occupations(query: $query, first: 5) {
    totalCount
    edges { node { code label domainLabel skillsNeeded { core skill { code label } } } }
  }
}`,
    variables: JSON.stringify({ query: 'développeur' }, null, 2),
  },
  {
    query: `# Training paths open to apprenticeship
query Programs($filter: ProgramFilter) {
  programs(filter: $filter, first: 10) {
    totalCount
    edges { cursor node { id title rncpCode level durationMonths trainingHours poeEligible } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: JSON.stringify({ filter: { query: 'informatique', level: 6 } }, null, 2),
  },
  {
    query: `# Create a draft offer (employer or staff)
mutation CreateOffer($input: CreateOfferInput!) {
  createOffer(input: $input) { id status title location { city lat lng } startDate { earliest latest } }
}`,
    variables: JSON.stringify(
      {
        input: {
          title: 'Développeur web en alternance',
          description: 'Rejoignez une équipe produit pour développer des applications web.',
          contractType: 'APPRENTICESHIP',
          romeCode: 'M1805',
          location: { country: 'FR', postcode: '69003' },
          remotePolicy: 'HYBRID',
          startDate: { earliest: '2027-01-04', latest: '2027-03-01' },
        },
      },
      null,
      2,
    ),
  },
];
