import { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { ReadinessCheck, healthRoutes } from './health';

/** GET /health/ready of an app with these checks. */
async function ready(checks: ReadinessCheck[], draining = false): Promise<{ status: number; body: unknown }> {
  const app = Fastify();
  healthRoutes({ checks, draining: () => draining, timeoutMs: 200 })(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const res = await fetch(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/health/ready`);
    return { status: res.status, body: await res.json() };
  } finally {
    await app.close();
  }
}

const up = (name: string, critical?: boolean): ReadinessCheck => ({ name, critical, check: async () => undefined });
const down = (name: string, critical?: boolean): ReadinessCheck => ({ name, critical, check: async () => Promise.reject(new Error('refused')) });
const hung = (name: string): ReadinessCheck => ({ name, check: () => new Promise(() => undefined) });

describe('healthRoutes readiness', () => {
  it('is ok when every check passes', async () => {
    expect(await ready([up('database'), up('search')])).toEqual({ status: 200, body: { status: 'ok', checks: { database: 'up', search: 'up' } } });
  });

  it('is unavailable when a critical check fails or does not answer in time', async () => {
    expect(await ready([up('database'), down('search')])).toEqual({ status: 503, body: { status: 'unavailable', checks: { database: 'up', search: 'down' }, failing: ['search'] } });
    expect((await ready([hung('database')])).status).toBe(503);
  });

  it('stays ready but degraded while only non-critical checks fail, and is unavailable when all fail', async () => {
    expect(await ready([up('job-board', false), down('matcher', false)])).toEqual({
      status: 200,
      body: { status: 'degraded', checks: { 'job-board': 'up', matcher: 'down' }, failing: ['matcher'] },
    });
    expect(await ready([down('job-board', false), down('matcher', false)])).toMatchObject({ status: 503, body: { status: 'unavailable' } });
  });

  it('is unavailable while draining, whatever the checks say', async () => {
    expect(await ready([up('database')], true)).toEqual({ status: 503, body: { status: 'unavailable', reason: 'SHUTTING_DOWN', checks: {} } });
  });
});
