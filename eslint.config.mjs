import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import js from '@eslint/js';

// Meilisearch is reached through its adapter only: every other layer bans the client.
const NO_MEILI = ['meilisearch'];

const layers = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:graphql', 'type:data-access', 'type:search-adapter', 'type:domain', 'type:platform'], bannedExternalImports: NO_MEILI },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:app', 'type:feature', 'type:graphql', 'type:data-access', 'type:search-adapter', 'type:domain', 'type:platform'], bannedExternalImports: NO_MEILI },
  // Features do not import each other: shared API types live in the graphql layer.
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:graphql', 'type:data-access', 'type:search-adapter', 'type:domain', 'type:platform'], bannedExternalImports: NO_MEILI },
  { sourceTag: 'type:graphql', onlyDependOnLibsWithTags: ['type:graphql', 'type:data-access', 'type:domain', 'type:platform'], bannedExternalImports: NO_MEILI },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain'], bannedExternalImports: NO_MEILI },
  { sourceTag: 'type:search-adapter', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:domain'], bannedExternalImports: NO_MEILI },
  // The web app is a client of the public GraphQL API: it imports no lib and no server framework.
  { sourceTag: 'type:web', onlyDependOnLibsWithTags: [], bannedExternalImports: ['@nestjs/*', '@mikro-orm/*', '@apollo/*', 'meilisearch', 'fastify', '@fastify/*', 'class-validator', 'class-transformer'] },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain'],
    // Pure rules: no framework, no ORM, no GraphQL, no search engine, no HTTP.
    bannedExternalImports: ['@nestjs/*', '@mikro-orm/*', 'graphql', 'graphql/*', '@apollo/*', 'meilisearch', 'fastify', '@fastify/*', 'class-validator', 'class-transformer'],
  },
];

const scopes = [
  { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform'] },
  { sourceTag: 'scope:organizations', onlyDependOnLibsWithTags: ['scope:organizations', 'scope:platform'] },
  { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:identity', 'scope:organizations', 'scope:platform'] },
  { sourceTag: 'scope:taxonomy', onlyDependOnLibsWithTags: ['scope:taxonomy', 'scope:platform'] },
  { sourceTag: 'scope:programs', onlyDependOnLibsWithTags: ['scope:programs', 'scope:taxonomy', 'scope:platform'] },
  { sourceTag: 'scope:offers', onlyDependOnLibsWithTags: ['scope:offers', 'scope:organizations', 'scope:programs', 'scope:taxonomy', 'scope:platform'] },
  {
    sourceTag: 'scope:candidates',
    onlyDependOnLibsWithTags: ['scope:candidates', 'scope:identity', 'scope:organizations', 'scope:programs', 'scope:taxonomy', 'scope:platform'],
  },
  { sourceTag: 'scope:search', onlyDependOnLibsWithTags: ['scope:search', 'scope:offers', 'scope:candidates', 'scope:organizations', 'scope:programs', 'scope:taxonomy', 'scope:identity', 'scope:platform'] },
  // The matcher reads offers and candidates; only the app and the applications context (its pure
  // eligibility rules and data loading, never its feature) import it.
  { sourceTag: 'scope:matching', onlyDependOnLibsWithTags: ['scope:matching', 'scope:search', 'scope:offers', 'scope:candidates', 'scope:programs', 'scope:taxonomy', 'scope:organizations', 'scope:identity', 'scope:platform'] },
  // Applications check eligibility with the matcher's pure rules and its data loading (its
  // domain and data-access libs; features never import each other, so never its feature).
  {
    sourceTag: 'scope:applications',
    onlyDependOnLibsWithTags: ['scope:applications', 'scope:matching', 'scope:offers', 'scope:candidates', 'scope:organizations', 'scope:programs', 'scope:taxonomy', 'scope:identity', 'scope:platform'],
  },
  // Notices, mail, saved-search alerts, offer expiry and data rights: they read offers,
  // candidates and accounts, and run saved searches through the search port.
  {
    sourceTag: 'scope:notifications',
    onlyDependOnLibsWithTags: ['scope:notifications', 'scope:search', 'scope:offers', 'scope:candidates', 'scope:organizations', 'scope:programs', 'scope:taxonomy', 'scope:identity', 'scope:platform'],
  },
  // Mentor profiles and assignments: hired apprentices come from applications, with their offer,
  // employer, training path and profile; notices go through the platform's notice board.
  {
    sourceTag: 'scope:mentoring',
    onlyDependOnLibsWithTags: ['scope:mentoring', 'scope:applications', 'scope:offers', 'scope:candidates', 'scope:organizations', 'scope:programs', 'scope:taxonomy', 'scope:identity', 'scope:platform'],
  },
  // The impact report: aggregate counts over applications, hires, outcomes and candidates' consented declarations.
  { sourceTag: 'scope:impact', onlyDependOnLibsWithTags: ['scope:impact', 'scope:applications', 'scope:offers', 'scope:candidates', 'scope:platform'] },
  { sourceTag: 'scope:imports', onlyDependOnLibsWithTags: ['scope:imports', 'scope:offers', 'scope:organizations', 'scope:taxonomy', 'scope:search', 'scope:platform'] },
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: [] },
  // A subgraph app lists the GraphQL modules of its part of the API (over the API app's wiring).
  {
    sourceTag: 'scope:subgraph',
    onlyDependOnLibsWithTags: ['scope:identity', 'scope:organizations', 'scope:taxonomy', 'scope:programs', 'scope:offers', 'scope:candidates', 'scope:search', 'scope:matching', 'scope:applications', 'scope:notifications', 'scope:imports', 'scope:mentoring', 'scope:impact', 'scope:platform'],
  },
  // The gateway knows no feature: it plans over the composed supergraph (and serves the API app's playground).
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:platform'] },
];

export default [
  { ignores: ['**/node_modules/**', 'dist/**', 'data/**', 'tmp/**', '.nx/**', 'apps/web/.next*/**', 'apps/web/next-env.d.ts', 'apps/web/src/graphql-env.d.ts', 'apps/api/migrations/**/Migration*.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { plugins: { '@nx': nx } },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            ...layers,
            ...scopes,
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // The worker, the subgraphs and the gateway are composition roots over the API app's wiring
    // (persistence, cross-context hooks, the GraphQL server set-up, the playground).
    files: ['apps/worker/**/*.ts', 'apps/job-board/**/*.ts', 'apps/talent-marketplace/**/*.ts', 'apps/matcher/**/*.ts', 'apps/gateway/**/*.ts', 'tools/federation/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: ['@alternance/api', '@alternance/api/playground'], depConstraints: [...layers, ...scopes] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: { URL: 'readonly', URLSearchParams: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly', setTimeout: 'readonly', fetch: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
