import { Redis } from 'ioredis';
import { RateLimitCharge, RateLimitDecision, RateLimitStore, RateLimitStoreUnavailable } from './rate-limit.store';

/** Where the store reports an outage and its end: once each, not once per request. */
export interface RedisStoreLogger {
  warn(message: unknown, context?: string): void;
  log(message: unknown, context?: string): void;
}

export interface RedisRateLimitStoreOptions {
  url: string;
  /** Put before every key (`alternance:` by default in the configuration). */
  keyPrefix: string;
  /** A command slower than this fails (and the request goes on without the store). Default 500 ms. */
  commandTimeoutMs?: number;
  /** How long one connection attempt may take. Default 1000 ms. */
  connectTimeoutMs?: number;
  logger?: RedisStoreLogger;
}

/**
 * Checks every key against its limit, then charges them all, or charges none and answers the
 * (1-based) position of the first key over its limit. Atomic: Redis runs a script alone, so
 * two processes charging the same key at once cannot both take its last unit. A window's key
 * expires one window after it is created (plus a second of slack for clocks).
 * KEYS: the window keys. ARGV[1]: expiry in ms; ARGV[2i], ARGV[2i+1]: cost and limit of KEYS[i].
 */
const CHARGE_SCRIPT = `
for i = 1, #KEYS do
  local current = tonumber(redis.call('GET', KEYS[i]) or '0')
  if current + tonumber(ARGV[2 * i]) > tonumber(ARGV[2 * i + 1]) then return i end
end
for i = 1, #KEYS do
  redis.call('INCRBY', KEYS[i], ARGV[2 * i])
  if redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
end
return 0
`;

type ChargeCommand = (numberOfKeys: number, ...keysAndArgs: (string | number)[]) => Promise<number>;

/**
 * Rate-limit windows in Redis, shared by every API process that names the same server and key
 * prefix: N processes grant one budget between them, not N. Same fixed windows as the
 * in-memory store (aligned on the clock, keyed `<prefix>rl:<window ms>:<window start>:<key>`).
 *
 * It never holds a request up for long and never crashes the process: commands are not queued
 * while disconnected (they fail at once), a command slower than `commandTimeoutMs` fails, and
 * the client reconnects in the background forever (every second at most), so counting resumes
 * by itself when Redis is back. A failure rejects with `RateLimitStoreUnavailable`; the
 * outage is logged once when it starts and once when it ends.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly logger?: RedisStoreLogger;
  private available = true;
  private closed = false;

  constructor(options: RedisRateLimitStoreOptions) {
    this.prefix = `${options.keyPrefix}rl:`;
    this.logger = options.logger;
    this.redis = new Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 500,
      connectTimeout: options.connectTimeoutMs ?? 1000,
      retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
      // The client's name in CLIENT LIST, for whoever runs the Redis server.
      connectionName: 'alternance-rate-limits',
    });
    this.redis.defineCommand('alternanceCharge', { lua: CHARGE_SCRIPT });
    // Without a listener, every failed reconnection would be printed by ioredis itself.
    this.redis.on('error', (error: Error) => this.down(error));
    this.redis.on('ready', () => this.up());
  }

  async charge(charges: RateLimitCharge[], windowMs: number, nowMs: number): Promise<RateLimitDecision> {
    const start = Math.floor(nowMs / windowMs) * windowMs;
    const retryAfterMs = start + windowMs - nowMs;
    const totals = new Map<string, RateLimitCharge>();
    for (const c of charges) {
      const prev = totals.get(c.key);
      totals.set(c.key, { key: c.key, limit: c.limit, cost: (prev?.cost ?? 0) + c.cost });
    }
    const list = [...totals.values()];
    if (!list.length) return { allowed: true, retryAfterMs: 0 };
    const keys = list.map((c) => `${this.prefix}${windowMs}:${start}:${c.key}`);
    const args = list.flatMap((c) => [c.cost, c.limit]);
    let over: number;
    try {
      const command = (this.redis as unknown as { alternanceCharge: ChargeCommand }).alternanceCharge;
      over = Number(await command.call(this.redis, keys.length, ...keys, windowMs + 1000, ...args));
    } catch (error) {
      this.down(error);
      throw new RateLimitStoreUnavailable(failureOf(error));
    }
    this.up();
    if (over === 0) return { allowed: true, retryAfterMs: 0 };
    return { allowed: false, retryAfterMs, exceeded: list[over - 1].key };
  }

  /** For the readiness probe: resolves when Redis answers, rejects at once when it cannot. */
  async ping(): Promise<void> {
    await this.redis.ping();
  }

  /** Whether the last thing heard from Redis was good news. */
  isAvailable(): boolean {
    return this.available && this.redis.status === 'ready';
  }

  /**
   * Waits until connected, up to `timeoutMs`: at start-up, so that the first requests find
   * the connection open. Resolves false (and the process starts anyway) when Redis is not there.
   */
  async connected(timeoutMs: number): Promise<boolean> {
    if (this.redis.status === 'ready') return true;
    return new Promise((resolve) => {
      const done = (value: boolean) => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        resolve(value);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.redis.once('ready', onReady);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.redis.status === 'ready') {
      // QUIT lets Redis finish what was sent; a server that no longer answers gets cut.
      const quit = this.redis.quit().catch(() => undefined);
      const timer = new Promise((resolve) => setTimeout(resolve, 1000).unref());
      await Promise.race([quit, timer]);
    }
    this.redis.disconnect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  private down(error: unknown): void {
    if (!this.available || this.closed) return;
    this.available = false;
    this.logger?.warn({ event: 'redis.unavailable', cause: failureOf(error), effect: 'sign-in and sign-up refused, other budgets not counted, until Redis answers' }, 'RateLimit');
  }

  private up(): void {
    if (this.available) return;
    this.available = true;
    this.logger?.log({ event: 'redis.recovered' }, 'RateLimit');
  }
}

/** The kind of failure, without anything a server might have echoed back. */
function failureOf(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code) return code;
  if (/timed? ?out/i.test(error.message)) return 'TIMEOUT';
  if (/enableOfflineQueue|Stream isn't writeable|Connection is closed/i.test(error.message)) return 'NOT_CONNECTED';
  return error.name;
}
