import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { ErrorCode } from '@alternance/platform/domain';

export type EdgeCode = ErrorCode.QUERY_TOO_COMPLEX | ErrorCode.RATE_LIMITED | ErrorCode.SERVICE_UNAVAILABLE;

export interface Refusal {
  code: EdgeCode;
  message: string;
  /** Safe, client-facing details: which limit, when to retry. */
  details: Record<string, string | number>;
}

/**
 * A request refused at the GraphQL edge, before any resolver runs. Apollo wraps validation
 * errors in its own classes (code GRAPHQL_VALIDATION_FAILED); the error formatter finds this
 * refusal inside and gives the client its code and details instead.
 */
export class EdgeRefusal extends GraphQLError implements Refusal {
  declare readonly code: EdgeCode;
  declare readonly details: Record<string, string | number>;

  constructor(code: EdgeCode, message: string, details: Record<string, string | number> = {}, http?: { status: number; headers?: [string, string][] }) {
    // A refusal is an answer, not a fault: no stack is captured (nor formatted when Apollo
    // wraps it), which is most of what refusing a document under the limits costs.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(message, {
        extensions: { code, ...details, ...(http ? { http: { status: http.status, headers: new HeaderMap(http.headers ?? []) } } : {}) },
      });
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    this.code = code;
    this.details = details;
    this.name = 'EdgeRefusal';
  }
}

/** What a document over the token limit is told, whether the HTTP edge or the parser counted. */
export function tokenLimitMessage(maxTokens: number | string): string {
  return `Token limit of ${maxTokens} exceeded.`;
}

/** graphql-js's own parser limit (its message has said "more that" since 16.x). */
const TOKEN_LIMIT = /Document contains more tha[nt] (\d+) tokens/;

/** The refusal behind an error as Apollo reports it, if the error is one. */
export function refusalOf(formatted: GraphQLFormattedError, error: unknown): Refusal | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current instanceof EdgeRefusal) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED') {
    const tokens = TOKEN_LIMIT.exec(formatted.message);
    if (tokens) return { code: ErrorCode.QUERY_TOO_COMPLEX, message: tokenLimitMessage(tokens[1]), details: { limit: 'TOKENS' } };
  }
  return undefined;
}
