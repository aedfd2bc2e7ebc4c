import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { HttpDrain, healthRoutes } from '@alternance/platform/nest';

/** The drain on its own, with requests whose length the test decides. */
describe('HTTP drain', () => {
  async function serve(drain: HttpDrain): Promise<{ server: http.Server; port: number }> {
    const app = Fastify();
    app.addHook('onRequest', drain.hook());
    healthRoutes({ checks: [], draining: () => drain.isDraining })(app);
    app.get<{ Params: { ms: string } }>('/slow/:ms', (request, reply) => {
      const timer = setTimeout(() => reply.send({ done: true }), Number(request.params.ms));
      reply.raw.on('close', () => clearTimeout(timer));
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { server: app.server, port: (app.server.address() as AddressInfo).port };
  }

  function get(port: number, path: string, agent: http.Agent | false = false): Promise<{ status: number; connection?: string; body: string }> {
    return new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, agent }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
        })
        .on('error', reject);
    });
  }

  it('lets accepted requests finish, refuses new connections, and reports not ready meanwhile', async () => {
    const drain = new HttpDrain();
    const { server, port } = await serve(drain);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect((await get(port, '/health/ready', agent)).status).toBe(200);
    const slow = get(port, '/slow/300', agent);
    // Queued on the same kept-alive connection: already accepted, sent once the first is answered.
    const ready = get(port, '/health/ready', agent);
    await new Promise((r) => setTimeout(r, 50));
    const draining = drain.drain(server, 5000, 100);

    await expect(get(port, '/health/live')).rejects.toThrow(/ECONNREFUSED/);
    const answer = await slow;
    expect(answer).toEqual({ status: 200, connection: 'close', body: '{"done":true}' });
    const queued = await ready.catch((e: Error) => ({ status: 0, body: e.message }));
    // Either it went out on that connection and was answered "shutting down", or the client saw the close first.
    if (queued.status) expect(JSON.parse(queued.body)).toEqual({ status: 'unavailable', reason: 'SHUTTING_DOWN', checks: {} });
    expect(await draining).toEqual({ completed: true, cut: 0 });
    agent.destroy();
  });

  it('cuts what is still running when the timeout is reached', async () => {
    const drain = new HttpDrain();
    const { server, port } = await serve(drain);
    const stuck = get(port, '/slow/10000');
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    expect(await drain.drain(server, 200, 50)).toEqual({ completed: false, cut: 1 });
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(stuck).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});
