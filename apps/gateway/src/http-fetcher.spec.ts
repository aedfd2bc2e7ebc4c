import http from 'node:http';
import { AddressInfo } from 'node:net';
import { subgraphFetcher } from './http-fetcher';

describe('subgraphFetcher', () => {
  let server: http.Server;
  let base: string;
  const sockets = new Set<unknown>();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      sockets.add(req.socket);
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (req.url === '/slow') return void setTimeout(() => res.end('late'), 500);
        res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json', 'x-seen-auth': String(req.headers.authorization ?? '') });
        res.end(JSON.stringify({ echo: body, method: req.method }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('sends the method, headers and body, and answers a standard Response', async () => {
    const fetch = subgraphFetcher(2_000);
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: '{"query":"{a}"}' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-seen-auth')).toBe('Bearer t');
    expect(await res.json()).toEqual({ echo: '{"query":"{a}"}', method: 'POST' });
    const missing = await fetch(`${base}/missing`, { method: 'POST', body: '' });
    expect([missing.status, missing.ok]).toEqual([404, false]);
  });

  it('reuses its connection from one request to the next', async () => {
    const fetch = subgraphFetcher(2_000);
    sockets.clear();
    for (let i = 0; i < 5; i++) await (await fetch(`${base}/graphql`, { body: String(i) })).text();
    expect(sockets.size).toBe(1);
  });

  it('gives up on a subgraph slower than its deadline, and on one that refuses', async () => {
    await expect(subgraphFetcher(100)(`${base}/slow`, { body: '' })).rejects.toMatchObject({ name: 'TimeoutError' });
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await expect(subgraphFetcher(1_000)(`http://127.0.0.1:${port}/graphql`, { body: '' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
