import { initGraphQLTada } from 'gql.tada';
import type { introspection } from '../graphql-env';

/**
 * Typed operations from the committed `schema.gql`: an operation that no longer matches the
 * schema fails the type check (`npm run typecheck:web`).
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  // Fragments only share field lists here: every page reads its data straight.
  disableMasking: true;
  scalars: { DateTime: string; JSON: unknown };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
