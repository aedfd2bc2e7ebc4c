import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainException, ErrorCode } from '@alternance/platform/domain';
import { refusalOf } from '../security/edge-refusal';

/** Codes Apollo itself raises before any resolver runs; they are stable and kept as they are. */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** `Field "title" of required type…` / `at "input.location.lat"`: name the field for the client. */
function fieldOfCoercionError(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message);
  const missing = /Field "([^"]+)" of required type/.exec(message);
  const unknown = /Field "([^"]+)" is not defined by type/.exec(message);
  const base = at?.[1]?.replace(/^[^.]+\.?/, '');
  const leaf = missing?.[1] ?? unknown?.[1];
  if (base && leaf) return `${base}.${leaf}`;
  return leaf ?? (base || undefined);
}

/**
 * The single mapping from what went wrong to what a client sees: a stable `extensions.code`,
 * a message meant for people, and never a stack trace or an internal error's text.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  // Document limits and rate limits: Apollo wraps them as validation or syntax errors.
  const refusal = refusalOf(formatted, error);
  if (refusal) return { ...base, message: refusal.message, extensions: { code: refusal.code, ...refusal.details } };
  if (original instanceof DomainException) {
    return {
      ...base,
      message: original.message,
      extensions: {
        code: original.code,
        ...(original.reason ? { reason: original.reason } : {}),
        ...(original.fields.length ? { fields: original.fields, field: original.fields[0].path } : {}),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && APOLLO_CODES.has(code)) {
    const field = code === 'BAD_USER_INPUT' ? fieldOfCoercionError(formatted.message) : undefined;
    return { ...base, extensions: { code, ...(field ? { field } : {}) } };
  }
  return { ...base, message: 'Internal server error.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
