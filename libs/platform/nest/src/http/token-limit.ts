import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@alternance/platform/domain';
import { requestLogRecord, pathOf } from '../logging/request-logging';
import { tokenLimitMessage } from '../security/edge-refusal';
import { locationOf, tokenOverLimit } from '../security/token-count';

export interface TokenLimitSettings {
  /** Where GraphQL is served (`/graphql`). */
  path: string;
  maxTokens: number;
}

/** The answer for a document over the limit: what the GraphQL server answers for one its parser stops. */
export function tokenLimitBody(maxTokens: number, location: { line: number; column: number }) {
  return { errors: [{ message: tokenLimitMessage(maxTokens), locations: [location], extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'TOKENS' } }] };
}

/**
 * Documents over the token limit refused once their body is read, before the GraphQL server
 * hashes or parses them (see token-count.ts for why the parser's own limit is not enough):
 * HTTP 400, QUERY_TOO_COMPLEX with `limit: TOKENS` and the location of the first token over the
 * limit, as the parser would have answered. A POST body's `query` or a GET's `query` parameter
 * is counted; anything else (a batch, a persisted query's hash) is left to the GraphQL server,
 * whose parser keeps the same limit.
 */
export function refuseOverTokenLimit(app: FastifyInstance, settings: TokenLimitSettings): void {
  app.addHook('preValidation', (request, reply, done) => {
    if (pathOf(request.url) !== settings.path) return done();
    const carrier = (request.method === 'GET' ? request.query : request.body) as { query?: unknown } | null | undefined;
    const source = carrier?.query;
    if (typeof source !== 'string') return done();
    const at = tokenOverLimit(source, settings.maxTokens);
    if (at === undefined) return done();
    requestLogRecord(request).errorCodes = [ErrorCode.QUERY_TOO_COMPLEX];
    reply.code(400).type('application/json; charset=utf-8').send(tokenLimitBody(settings.maxTokens, locationOf(source, at)));
  });
}
