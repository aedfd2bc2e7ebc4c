import { SEARCH_INDEXES, SearchIndexes } from '@alternance/search/feature';
import { TestApp, engine, startTestApp } from '../support/test-app';

const gqlPost = (t: TestApp, body: string, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe(`HTTP edge: headers, request ids, health, bodies (${engine})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  it('sends security headers on API answers and on the playground, with a CSP that allows no inline script', async () => {
    const api = await gqlPost(t, JSON.stringify({ query: '{ __typename }' }));
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toContain('text/html');
    for (const res of [api, page]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      const script = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1];
      expect(script).toBe("'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('gives every response a request id, keeping a sane incoming one', async () => {
    const generated = await gqlPost(t, JSON.stringify({ query: '{ __typename }' }));
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await gqlPost(t, JSON.stringify({ query: '{ __typename }' }), { 'x-request-id': 'edge-7f3a.1' });
    expect(kept.headers.get('x-request-id')).toBe('edge-7f3a.1');
    const replaced = await gqlPost(t, JSON.stringify({ query: '{ __typename }' }), { 'x-request-id': 'someone@example.test' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers GET /health/live and /health/ready without authentication', async () => {
    const live = await fetch(`${t.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'up', search: 'up' } });
  });

  it('reports not ready, with 503 naming the failing check, when the search index or the database fails', async () => {
    const indexes = t.app.get<SearchIndexes>(SEARCH_INDEXES);
    const search = jest.spyOn(indexes.offers, 'count').mockRejectedValue(new Error('index unreachable'));
    let res = await fetch(`${t.url}/health/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', checks: { database: 'up', search: 'down' }, failing: ['search'] });
    search.mockRestore();

    const connection = t.orm.em.getConnection();
    const execute = connection.execute.bind(connection);
    const db = jest.spyOn(connection, 'execute').mockImplementation(((sql: string, ...rest: unknown[]) =>
      sql === 'select 1' ? Promise.reject(new Error('connection refused')) : (execute as any)(sql, ...rest)) as any);
    res = await fetch(`${t.url}/health/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', checks: { database: 'down', search: 'up' }, failing: ['database'] });
    // Live still: the process answers, it just cannot serve.
    expect((await fetch(`${t.url}/health/live`)).status).toBe(200);
    db.mockRestore();
    expect((await fetch(`${t.url}/health/ready`)).status).toBe(200);
  });

  it('answers body errors as JSON without a stack trace', async () => {
    const malformed = await gqlPost(t, '{"query": "{ __typename }"');
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(JSON.parse(text)).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST', reason: 'MALFORMED_JSON' } }] });
    expect(text).not.toMatch(/\bat .*\.js:\d+/);

    const large = await gqlPost(t, JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(t.config.bodyLimitBytes) } }));
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({
      errors: [{ message: `The request body is larger than ${t.config.bodyLimitBytes} bytes.`, extensions: { code: 'BAD_REQUEST', reason: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('answers an empty JSON body and an unknown path in the same JSON shape, with the security headers', async () => {
    const empty = await gqlPost(t, '');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ errors: [{ message: 'The request body is empty.', extensions: { code: 'BAD_REQUEST', reason: 'EMPTY_BODY' } }] });
    const unknown = await fetch(`${t.url}/admin/../.env`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
    expect(unknown.headers.get('x-content-type-options')).toBe('nosniff');
    expect(unknown.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the playground files with a validator, and 304 when the browser has them', async () => {
    const first = await fetch(`${t.url}/playground/assets/playground.js`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('javascript');
    expect(first.headers.get('cache-control')).toBe('public, max-age=86400');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect((await first.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    const again = await fetch(`${t.url}/playground/assets/playground.js`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    // A GET with a query string is a GraphQL request, not a visit to the page.
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'text/html', 'apollo-require-preflight': 'true' } });
    expect(get.headers.get('content-type')).toContain('application/json');
  });

  it('refuses simple cross-site requests (CSRF prevention)', async () => {
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.status).toBe(400);
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
  });

  it('allows introspection and the playground outside production', async () => {
    const res = await gqlPost(t, JSON.stringify({ query: '{ __schema { queryType { name } } }' }));
    expect((await res.json()).data.__schema.queryType.name).toBe('Query');
  });
});

describe(`HTTP edge in production (${engine})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production', JWT_SECRET: 'production-secret-for-the-edge-test-0123456789' } });
  }, 60_000);
  afterAll(async () => t?.close());

  it('turns introspection and the playground off by default', async () => {
    const introspection = await gqlPost(t, JSON.stringify({ query: '{ __schema { queryType { name } } }' }));
    const body = await introspection.json();
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    expect((await fetch(`${t.url}/playground/assets/playground.js`)).status).toBe(404);
  });

  it('still hides suggestions and internal details', async () => {
    const res = await gqlPost(t, JSON.stringify({ query: '{ programz(first: 1) { totalCount } }' }));
    const text = await res.text();
    expect(text).not.toMatch(/did you mean|programs/i);
  });
});
