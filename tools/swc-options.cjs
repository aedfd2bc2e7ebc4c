// One SWC configuration for the build and for Jest, so tests run the code as it ships.
const path = require('node:path');
const { compilerOptions } = require('../tsconfig.base.json');

const root = path.resolve(__dirname, '..');

/**
 * The project's own aliases. Other entries of tsconfig's paths only point the type checker
 * at declarations (for packages it cannot resolve by itself) and must not be rewritten.
 */
const projectPaths = Object.fromEntries(Object.entries(compilerOptions.paths).filter(([alias]) => alias.startsWith('@alternance/')));

function swcOptions({ sourceMaps = true } = {}) {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: root,
      paths: projectPaths,
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        useDefineForClassFields: false,
      },
    },
    module: { type: 'commonjs' },
    sourceMaps,
  };
}

module.exports = { swcOptions, root, projectPaths };
