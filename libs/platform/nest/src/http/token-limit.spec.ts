import Fastify, { FastifyInstance } from 'fastify';
import { parse } from 'graphql';
import { requestLogRecord } from '../logging/request-logging';
import { refuseOverTokenLimit } from './token-limit';

/** A GraphQL route that only counts what reaches it, behind the token limit. */
async function server(): Promise<{ app: FastifyInstance; reached: () => number; logged: () => string[] | undefined }> {
  const app = Fastify();
  let reached = 0;
  let lastRequest: object | undefined;
  app.addHook('onResponse', (request, _reply, done) => {
    lastRequest = request;
    done();
  });
  refuseOverTokenLimit(app, { path: '/graphql', maxTokens: 10 });
  app.route({
    url: '/graphql',
    method: ['GET', 'POST'],
    handler: async () => {
      reached++;
      return { data: {} };
    },
  });
  app.post('/other', async () => ({ ok: true }));
  await app.ready();
  return { app, reached: () => reached, logged: () => lastRequest && requestLogRecord(lastRequest).errorCodes };
}

// 11 tokens: `{`, a, b, c, d, e, f, g, h, i, `}`; the last is the first over the limit.
const OVER = '{ a b c d e f g h i\n}';
const WITHIN = '{ a b c d e f g h }';

describe('refuseOverTokenLimit', () => {
  let s: Awaited<ReturnType<typeof server>>;
  beforeAll(async () => {
    s = await server();
  });
  afterAll(() => s.app.close());

  it('refuses a POSTed document over the limit as the parser would, before GraphQL sees it', async () => {
    const before = s.reached();
    const res = await s.app.inject({ method: 'POST', url: '/graphql', payload: { query: OVER } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toEqual({
      errors: [{ message: 'Token limit of 10 exceeded.', locations: [{ line: 2, column: 1 }], extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'TOKENS' } }],
    });
    expect(s.reached()).toBe(before);
    expect(s.logged()).toEqual(['QUERY_TOO_COMPLEX']);
    // The parser's own limit puts the same token at the same place.
    expect(() => parse(OVER, { maxTokens: 10 })).toThrow(expect.objectContaining({ locations: [{ line: 2, column: 1 }] }));
  });

  it('refuses a GET document over the limit too', async () => {
    const before = s.reached();
    const res = await s.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent(OVER)}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'TOKENS' });
    expect(s.reached()).toBe(before);
  });

  it('lets documents within the limit through, and whatever it cannot count (batches, no query, another path)', async () => {
    const before = s.reached();
    const answers = await Promise.all([
      s.app.inject({ method: 'POST', url: '/graphql', payload: { query: WITHIN } }),
      s.app.inject({ method: 'POST', url: '/graphql?x=1', payload: { query: WITHIN, variables: { a: 1 } } }),
      s.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent(WITHIN)}` }),
      s.app.inject({ method: 'POST', url: '/graphql', payload: [{ query: OVER }] }),
      s.app.inject({ method: 'POST', url: '/graphql', payload: { extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } } }),
      s.app.inject({ method: 'POST', url: '/graphql', payload: { query: 42 } }),
      s.app.inject({ method: 'GET', url: '/graphql' }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
    expect(s.reached()).toBe(before + answers.length);
    const other = await s.app.inject({ method: 'POST', url: '/other', payload: { query: OVER } });
    expect(other.json()).toEqual({ ok: true });
  });
});
