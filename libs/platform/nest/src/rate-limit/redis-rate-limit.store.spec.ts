import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { Redis } from 'ioredis';
import { RateLimitStoreUnavailable } from './rate-limit.store';
import { RedisRateLimitStore, RedisStoreLogger } from './redis-rate-limit.store';

/**
 * Against a real Redis: TEST_REDIS_URL, or 127.0.0.1:6379 (CI runs one there). Each run uses
 * keys under a prefix of its own and deletes them afterwards. Without a reachable server the
 * suite is skipped with a warning, except with CI=true, where it fails (as the PostgreSQL tests).
 */
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

function reachable(url: string): boolean {
  const { hostname, port } = new URL(url);
  const probe = `const s = require('node:net').connect(${Number(port || 6379)}, ${JSON.stringify(hostname)});
s.setTimeout(1000); s.on('connect', () => process.exit(0)); s.on('error', () => process.exit(1)); s.on('timeout', () => process.exit(1));`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 3000 }).status === 0;
}

const available = reachable(REDIS_URL);
if (!available && process.env.CI === 'true') throw new Error(`Redis is not reachable at ${REDIS_URL}: CI=true requires the Redis tests to run.`);
if (!available) console.warn(`Redis is not reachable at ${REDIS_URL}: RedisRateLimitStore tests SKIPPED (set TEST_REDIS_URL, or CI=true to make this fail).`);
const describeRedis = available ? describe : describe.skip;

class RecordingLogger implements RedisStoreLogger {
  readonly lines: { level: string; event: unknown }[] = [];
  warn(message: unknown): void {
    this.lines.push({ level: 'warn', event: (message as { event?: unknown }).event });
  }
  log(message: unknown): void {
    this.lines.push({ level: 'log', event: (message as { event?: unknown }).event });
  }
}

const minute = 60_000;
const t0 = Date.UTC(2026, 10, 23, 9, 0, 0);

describeRedis('RedisRateLimitStore (real Redis)', () => {
  const prefix = `alternance-test:${randomUUID()}:`;
  const stores: RedisRateLimitStore[] = [];
  let admin: Redis;

  const newStore = (options: Partial<{ url: string; logger: RedisStoreLogger; commandTimeoutMs: number }> = {}) => {
    const store = new RedisRateLimitStore({ url: REDIS_URL, keyPrefix: prefix, ...options });
    stores.push(store);
    return store;
  };
  const ready = async (store: RedisRateLimitStore) => expect(await store.connected(3000)).toBe(true);

  beforeAll(() => {
    admin = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length) await admin.del(...keys);
    await admin.quit();
  });

  it('grants up to the limit in a window, then refuses until the next window, with the time left', async () => {
    const store = newStore();
    await ready(store);
    for (let i = 0; i < 5; i++) expect((await store.charge([{ key: 'k1', cost: 1, limit: 5 }], minute, t0 + i * 1000)).allowed).toBe(true);
    expect(await store.charge([{ key: 'k1', cost: 1, limit: 5 }], minute, t0 + 20_000)).toEqual({ allowed: false, retryAfterMs: 40_000, exceeded: 'k1' });
    expect((await store.charge([{ key: 'k1', cost: 1, limit: 5 }], minute, t0 + minute)).allowed).toBe(true);
  });

  it('charges all keys or none, adds up charges to one key, and refuses a cost over what is left whole', async () => {
    const store = newStore();
    await ready(store);
    await store.charge([{ key: 'account', cost: 2, limit: 2 }], minute, t0);
    const refused = await store.charge([{ key: 'ip', cost: 1, limit: 1 }, { key: 'account', cost: 1, limit: 2 }], minute, t0);
    expect(refused).toMatchObject({ allowed: false, exceeded: 'account' });
    expect((await store.charge([{ key: 'ip', cost: 1, limit: 1 }], minute, t0)).allowed).toBe(true);
    expect((await store.charge([{ key: 'twice', cost: 2, limit: 3 }, { key: 'twice', cost: 2, limit: 3 }], minute, t0)).allowed).toBe(false);
    expect((await store.charge([{ key: 'big', cost: 7, limit: 10 }], minute, t0)).allowed).toBe(true);
    expect((await store.charge([{ key: 'big', cost: 4, limit: 10 }], minute, t0)).allowed).toBe(false);
    expect((await store.charge([{ key: 'big', cost: 3, limit: 10 }], minute, t0)).allowed).toBe(true);
  });

  it('shares one budget between processes: three clients racing for one key get exactly its limit', async () => {
    const clients = [newStore(), newStore(), newStore()];
    await Promise.all(clients.map(ready));
    const attempts = Array.from({ length: 60 }, (_, i) => clients[i % 3].charge([{ key: 'shared', cost: 1, limit: 10 }], minute, t0));
    const granted = (await Promise.all(attempts)).filter((d) => d.allowed).length;
    expect(granted).toBe(10);
  });

  it('keeps each window under the prefix, with an expiry of one window and a second', async () => {
    const store = newStore();
    await ready(store);
    await store.charge([{ key: 'expiring', cost: 1, limit: 5 }], minute, t0);
    const keys = await admin.keys(`${prefix}*expiring`);
    expect(keys).toEqual([`${prefix}rl:${minute}:${t0}:expiring`]);
    const ttl = await admin.pttl(keys[0]);
    expect(ttl).toBeGreaterThan(minute - 5_000);
    expect(ttl).toBeLessThanOrEqual(minute + 1000);
  });

  it('fails fast when nothing listens, logs the outage once, and reports it to the readiness probe', async () => {
    const closed = await freePort();
    const logger = new RecordingLogger();
    const store = newStore({ url: `redis://127.0.0.1:${closed}`, logger });
    expect(await store.connected(300)).toBe(false);
    const started = Date.now();
    for (let i = 0; i < 5; i++) await expect(store.charge([{ key: 'k', cost: 1, limit: 5 }], minute, t0)).rejects.toBeInstanceOf(RateLimitStoreUnavailable);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(store.ping()).rejects.toBeDefined();
    expect(store.isAvailable()).toBe(false);
    expect(logger.lines).toEqual([{ level: 'warn', event: 'redis.unavailable' }]);
  });

  it('does not hang on a server that accepts connections but never answers', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const store = newStore({ url: `redis://127.0.0.1:${port}`, commandTimeoutMs: 200 });
      const started = Date.now();
      await expect(store.charge([{ key: 'k', cost: 1, limit: 5 }], minute, t0)).rejects.toBeInstanceOf(RateLimitStoreUnavailable);
      expect(Date.now() - started).toBeLessThan(1000);
      await store.close();
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
