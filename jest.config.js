// Three Jest projects: unit (pure, no I/O), integration (a real database), e2e (the HTTP API).
// Database-backed projects run once per engine: see tools/run-db-tests.mjs.
const { swcOptions, projectPaths } = require('./tools/swc-options.cjs');

const moduleNameMapper = Object.fromEntries(
  Object.entries(projectPaths).map(([alias, [target]]) => [
    `^${alias.replace(/[/]/g, '\\/')}$`,
    `<rootDir>/${target}`,
  ]),
);

const base = {
  rootDir: __dirname,
  transform: { '^.+\\.(ts|js)$': ['@swc/jest', { ...swcOptions(), swcrc: false }] },
  // The Meilisearch client ships as ES modules only: compile it to CommonJS like our code.
  transformIgnorePatterns: ['/node_modules/(?!meilisearch/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/tools/jest/setup-env.cjs'],
};

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/tools/jest/db-global-setup.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/tools/jest/db-global-setup.ts',
    },
  ],
};
