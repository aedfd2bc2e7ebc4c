import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { ErrorCode } from '@alternance/platform/domain';
import { GraphqlLimits } from '../config/app-config';
import { EdgeRefusal } from './edge-refusal';

export type LimitName = 'DEPTH' | 'ALIASES' | 'DIRECTIVES' | 'COST' | 'TOKENS';

/** graphql-js names close matches of fields, arguments, types and enum values. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function stripSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/**
 * "Did you mean …?" would map the schema for a caller without introspection. Armor masks the
 * field form; this also covers arguments, types and enum values in variables.
 */
export function hideSuggestionsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = stripSuggestions(error.message);
        },
      };
    },
  };
}

function refuseAs(limit: LimitName) {
  return {
    // Report instead of throw: the document gets one error per broken limit, and Apollo answers 400.
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new EdgeRefusal(ErrorCode.QUERY_TOO_COMPLEX, error.message.replace(/^Syntax Error: /, ''), { limit })),
    ],
  };
}

export interface GraphqlLimitOptions {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
}

/**
 * Limits checked before anything executes: tokens while parsing, then depth, aliases,
 * directives and cost as validation rules (graphql-armor). A document over any of them is
 * refused as a whole with QUERY_TOO_COMPLEX, so no resolver runs.
 */
export function graphqlLimits(limits: GraphqlLimits): GraphqlLimitOptions {
  const armor = new ApolloArmor({
    // Fragments do not add depth or cost of their own: a query costs the same inlined or not.
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...refuseAs('DEPTH') },
    maxAliases: { n: limits.maxAliases, ...refuseAs('ALIASES') },
    maxDirectives: { n: limits.maxDirectives, ...refuseAs('DIRECTIVES') },
    costLimit: { maxCost: limits.maxCost, flattenFragments: true, ...refuseAs('COST') },
    // Armor's Apollo token plugin throws from parsingDidStart, which Apollo 5 treats as an
    // unexpected failure (HTTP 500). graphql-js's parser counts the same lexer tokens and
    // aborts as early: it is given the limit below.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  const { plugins, validationRules } = armor.protect();
  // Runs first, so the whole sentence goes rather than just the names armor masks.
  return { plugins: [hideSuggestionsPlugin(), ...plugins], validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}

/**
 * The Apollo Server options every GraphQL endpoint shares (the single process, each subgraph,
 * the gateway): document limits, introspection only where configured, no stack traces, CSRF
 * prevention, no batched HTTP requests. Each adds its own plugins after `plugins`.
 */
export function sharedServerOptions(limits: GraphqlLimits, introspection: boolean) {
  const armor = graphqlLimits(limits);
  return {
    introspection,
    // No cache hints are used: without this, Apollo times every field for them.
    plugins: [ApolloServerPluginCacheControlDisabled(), ...armor.plugins],
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
  };
}
