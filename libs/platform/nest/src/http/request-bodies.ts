import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LoggerService } from '@nestjs/common';

/** What a client sees for a request the server could not take: JSON like every GraphQL error, no stack. */
export interface EdgeFailure {
  status: number;
  message: string;
  code: 'BAD_REQUEST' | 'NOT_FOUND' | 'INTERNAL_SERVER_ERROR';
  reason?: string;
}

/** The answer for an error raised before any GraphQL handling (reading the body, routing). */
export function edgeFailure(error: Partial<FastifyError>, limitBytes: number): EdgeFailure {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, message: `The request body is larger than ${limitBytes} bytes.`, code: 'BAD_REQUEST', reason: 'PAYLOAD_TOO_LARGE' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, message: 'The request body is not valid JSON.', code: 'BAD_REQUEST', reason: 'MALFORMED_JSON' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, message: 'The request body is empty.', code: 'BAD_REQUEST', reason: 'EMPTY_BODY' };
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return { status, message: 'The request could not be read.', code: 'BAD_REQUEST', reason: 'UNREADABLE_BODY' };
  return { status: 500, message: 'Internal server error.', code: 'INTERNAL_SERVER_ERROR' };
}

/** How many times the body limit a declared Content-Length may be for the body to be read and discarded after its 413. */
export const DRAINED_OVERSIZE_FACTOR = 8;

/**
 * Whether a body refused as too large is read to its end (and thrown away) instead of the
 * connection being closed under it: when its declared length is at most
 * DRAINED_OVERSIZE_FACTOR times the limit. Closing a socket with unread data resets it, and a
 * client still sending then loses the 413 to a broken pipe; reading what it declared lets it
 * finish and read the answer, at a bounded cost. Bodies declared larger, or chunked bodies that
 * pass the limit (their length is not known), still have the connection closed.
 */
export function drainsOversizedBody(contentLength: string | undefined, limitBytes: number): boolean {
  if (contentLength === undefined || !/^\d+$/.test(contentLength)) return false;
  return Number(contentLength) <= DRAINED_OVERSIZE_FACTOR * limitBytes;
}

export function failureBody(failure: EdgeFailure): { errors: { message: string; extensions: Record<string, string> }[] } {
  return { errors: [{ message: failure.message, extensions: { code: failure.code, ...(failure.reason ? { reason: failure.reason } : {}) } }] };
}

/**
 * How request bodies are read. JSON is parsed by Fastify's parser (prototype poisoning
 * refused) within BODY_LIMIT_BYTES: a body whose Content-Length is over the limit is refused
 * before it is read, and a chunked one as soon as it passes the limit, never held whole.
 * Any other content type is read as text (within the same limit) and left to the GraphQL
 * server: its CSRF prevention refuses the types a browser sends cross-site without a
 * preflight (text/plain, form posts), rather than the parser failing first with a 415.
 * Errors are answered as GraphQL-shaped JSON (code BAD_REQUEST), unexpected ones as a
 * generic 500 whose cause goes to the log by class name only. A body refused as too large
 * is drained where `drainsOversizedBody` says so, so that its sender can read the 413.
 */
export function readRequestBodies(app: FastifyInstance, limitBytes: number, logger?: LoggerService): void {
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: limitBytes }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const failure = edgeFailure(error, limitBytes);
    if (failure.status >= 500) logger?.error({ event: 'http.internal_error', method: request.method, error: error.name, code: error.code }, 'http');
    // Fastify closes the connection after any body error; Node then reads and discards the rest of a drained body.
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' && drainsOversizedBody(request.headers['content-length'], limitBytes)) reply.removeHeader('connection');
    return reply.code(failure.status).type('application/json; charset=utf-8').send(failureBody(failure));
  });
}
