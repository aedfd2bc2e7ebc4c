import http from 'node:http';
import { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { DRAINED_OVERSIZE_FACTOR, drainsOversizedBody, edgeFailure, failureBody, readRequestBodies } from './request-bodies';

describe('edgeFailure (errors raised before GraphQL)', () => {
  const limit = 1_048_576;

  it('names the limit for an oversized body, with 413', () => {
    expect(edgeFailure({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }, limit)).toEqual({
      status: 413,
      message: 'The request body is larger than 1048576 bytes.',
      code: 'BAD_REQUEST',
      reason: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('tells malformed JSON from an empty body', () => {
    expect(edgeFailure({ code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }, limit)).toMatchObject({ status: 400, reason: 'MALFORMED_JSON' });
    expect(edgeFailure({ code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 }, limit)).toMatchObject({ status: 400, reason: 'EMPTY_BODY' });
  });

  it('keeps other client errors as they are, and hides anything else behind a generic 500', () => {
    expect(edgeFailure({ code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH', statusCode: 400 }, limit)).toMatchObject({ status: 400, code: 'BAD_REQUEST', reason: 'UNREADABLE_BODY' });
    const internal = edgeFailure({ message: 'ENOENT /srv/secret/path' }, limit);
    expect(internal).toEqual({ status: 500, message: 'Internal server error.', code: 'INTERNAL_SERVER_ERROR' });
  });

  it('answers in the GraphQL error shape', () => {
    expect(failureBody({ status: 404, message: 'Not found.', code: 'NOT_FOUND' })).toEqual({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
  });
});

describe('bodies refused as too large', () => {
  const limit = 64 * 1024;

  it('are drained when their declared length is within the factor of the limit, not when chunked or larger', () => {
    expect(drainsOversizedBody(String(limit + 1), limit)).toBe(true);
    expect(drainsOversizedBody(String(DRAINED_OVERSIZE_FACTOR * limit), limit)).toBe(true);
    expect(drainsOversizedBody(String(DRAINED_OVERSIZE_FACTOR * limit + 1), limit)).toBe(false);
    expect(drainsOversizedBody(undefined, limit)).toBe(false);
    expect(drainsOversizedBody('12, 12', limit)).toBe(false);
  });

  /** Sends `size` bytes of JSON in 16 KB writes, as a client uploading does, and reads the answer. */
  function post(port: number, size: number): Promise<{ status?: number; connection?: string; code?: string; error?: string }> {
    return new Promise((resolve) => {
      const req = http.request({ port, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', 'content-length': size } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection, code: JSON.parse(text).errors?.[0]?.extensions?.reason }));
      });
      req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      let sent = 0;
      const write = () => {
        while (sent < size) {
          const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
          sent += part.length;
          if (!req.write(part)) return void req.once('drain', write);
        }
        req.end();
      };
      write();
    });
  }

  it('get their 413 to a client still sending, on a connection kept open', async () => {
    // The server's body limit is the JSON parser's, as in httpServerOptions.
    const app = Fastify({ bodyLimit: limit });
    readRequestBodies(app, limit);
    let reached = 0;
    app.post('/graphql', async () => ({ data: { reached: ++reached } }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as AddressInfo;
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await post(port, 6 * limit));
      expect(answers).toEqual(Array(5).fill({ status: 413, connection: 'keep-alive', code: 'PAYLOAD_TOO_LARGE' }));
      expect(reached).toBe(0);
    } finally {
      await app.close();
    }
  });
});
