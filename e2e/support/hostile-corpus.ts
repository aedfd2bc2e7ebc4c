/**
 * What an attacker sends a GraphQL endpoint: each document is refused before execution with
 * the HTTP status and `extensions.code` given. Shared by the single process's test
 * (e2e/hardening) and the gateway's (e2e/federation).
 */
export const query = (q: string, variables?: Record<string, unknown>) => JSON.stringify({ query: q, variables });

export const OFFER = '00000000-0000-4000-8000-000000000001';
export const nested = (levels: number, leaf: string) => Array.from({ length: levels }).reduce<string>((inner, _, i) => (i % 2 ? `organization { ${inner} }` : `offers { ${inner} }`), leaf);
export const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: programs(first: 1) { totalCount }`).join(' ');

export interface HostileCase {
  name: string;
  body: () => string;
  status: number;
  code: string;
}
export const HOSTILE_CORPUS: HostileCase[] = [
  { name: 'depth 50', body: () => query(`{ offer(id: "${OFFER}") { ${nested(50, 'id')} } }`), status: 400, code: 'QUERY_TOO_COMPLEX' },
  {
    name: 'depth hidden in fragments',
    body: () =>
      query(
        `{ offer(id: "${OFFER}") { ...F0 } } ${Array.from({ length: 20 }, (_, i) => `fragment F${i} on Offer { organization { offers { ${i < 19 ? `...F${i + 1}` : 'id'} } } }`).join(' ')}`,
      ),
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
  },
  {
    name: 'fragment fan-out (each fragment spreads the next twice, 2^30 fields)',
    body: () =>
      query(
        `{ offer(id: "${OFFER}") { ...G0 } } ${Array.from({ length: 30 }, (_, i) => `fragment G${i} on Offer { ${i < 29 ? `a: organization { offers { ...G${i + 1} } } b: organization { offers { ...G${i + 1} } }` : 'id'} }`).join(' ')}`,
      ),
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
  },
  {
    name: 'fragment cycle',
    body: () => query(`{ offer(id: "${OFFER}") { ...A } } fragment A on Offer { organization { offers { ...B } } } fragment B on Offer { ...A }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: '10,000 aliases', body: () => query(`{ ${aliases(10_000)} }`), status: 400, code: 'QUERY_TOO_COMPLEX' },
  { name: '31 aliases (under the token limit)', body: () => query(`{ ${aliases(31)} }`), status: 400, code: 'QUERY_TOO_COMPLEX' },
  { name: '5,000 duplicated fields', body: () => query(`{ programs(first: 1) { ${'totalCount '.repeat(5000)} } }`), status: 400, code: 'QUERY_TOO_COMPLEX' },
  {
    name: '1,000 directives',
    body: () => query(`{ programs(first: 1) { ${Array.from({ length: 1000 }, (_, i) => `t${i}: totalCount @include(if: true)`).join(' ')} } }`),
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
  },
  {
    name: '60 directives (under the token and alias limits)',
    body: () => query(`{ programs(first: 1) { ${Array.from({ length: 60 }, () => `totalCount @include(if: true)`).join(' ')} } }`),
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
  },
  {
    name: 'a 1 MB query',
    body: () => {
      const fields = 'pageInfo { hasNextPage } '.repeat(Math.ceil(1_000_000 / 25));
      return query(`{ programs(first: 1) { ${fields} } }`);
    },
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
  },
  { name: 'first: 99999999 as a literal (costed by page size)', body: () => query(`{ programs(first: 99999999) { edges { node { id title } } } }`), status: 400, code: 'QUERY_TOO_COMPLEX' },
  {
    name: 'a 10 MB variable',
    body: () => query(`query ($q: String) { occupations(query: $q, first: 1) { totalCount } }`, { q: 'x'.repeat(10 * 1024 * 1024) }),
    status: 413,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a JSON array of 1,000 operations',
    body: () => JSON.stringify(Array.from({ length: 1000 }, (_, i) => ({ query: `mutation { logIn(input: { email: "batch${i}@example.test", password: "correct-horse-battery" }) { accessToken } }` }))),
    status: 400,
    code: 'BAD_REQUEST',
  },
];
