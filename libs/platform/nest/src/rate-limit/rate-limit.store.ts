/** One budget to charge: `cost` units against `limit` per window for `key`. */
export interface RateLimitCharge {
  key: string;
  cost: number;
  limit: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** When refused: how long until the exhausted budget starts a new window. */
  retryAfterMs: number;
  /** When refused: the first key over its limit. */
  exceeded?: string;
}

/**
 * Where the counts live. The in-memory store counts for one process: with several API
 * processes behind a load balancer each would grant the whole budget, so a deployment that
 * scales out sets REDIS_URL and every process counts in the same Redis
 * (`RedisRateLimitStore`), charging all keys or none.
 */
export interface RateLimitStore {
  /**
   * Charges every key, or none when one of them would go over its limit in the window holding
   * `nowMs`. Rejects with `RateLimitStoreUnavailable` when the counts cannot be reached: the
   * caller decides whether to grant (fail open) or refuse (fail closed).
   */
  charge(charges: RateLimitCharge[], windowMs: number, nowMs: number): Promise<RateLimitDecision>;
}

/** The shared counts could not be read or written (Redis down, unreachable or too slow). */
export class RateLimitStoreUnavailable extends Error {
  constructor(readonly failure: string) {
    super(`rate-limit store unavailable: ${failure}`);
    this.name = 'RateLimitStoreUnavailable';
  }
}

export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');

interface Window {
  start: number;
  count: number;
}

/**
 * Fixed windows aligned on the clock (every key's window starts at a multiple of the window
 * length): simple, and a burst is at most twice the budget across a window boundary.
 * Memory is bounded: ended windows are swept once per window, and past `maxKeys` the oldest
 * keys are dropped (which can only grant, never wrongly refuse).
 */
export class InMemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;

  constructor(private readonly maxKeys = 100_000) {}

  async charge(charges: RateLimitCharge[], windowMs: number, nowMs: number): Promise<RateLimitDecision> {
    const start = Math.floor(nowMs / windowMs) * windowMs;
    this.sweep(start, nowMs, windowMs);
    const retryAfterMs = start + windowMs - nowMs;
    const totals = new Map<string, RateLimitCharge>();
    for (const c of charges) {
      const prev = totals.get(c.key);
      totals.set(c.key, { key: c.key, limit: c.limit, cost: (prev?.cost ?? 0) + c.cost });
    }
    for (const c of totals.values()) {
      if (this.countOf(c.key, start) + c.cost > c.limit) return { allowed: false, retryAfterMs, exceeded: c.key };
    }
    for (const c of totals.values()) {
      const current = this.windows.get(c.key);
      if (current && current.start === start) current.count += c.cost;
      else {
        this.windows.delete(c.key);
        this.windows.set(c.key, { start, count: c.cost });
      }
    }
    this.bound();
    return { allowed: true, retryAfterMs: 0 };
  }

  /** Keys counted now (for tests and metrics). */
  size(): number {
    return this.windows.size;
  }

  private countOf(key: string, start: number): number {
    const w = this.windows.get(key);
    return w && w.start === start ? w.count : 0;
  }

  private sweep(start: number, nowMs: number, windowMs: number): void {
    if (nowMs - this.lastSweep >= windowMs) {
      this.lastSweep = nowMs;
      for (const [key, w] of this.windows) if (w.start < start) this.windows.delete(key);
    }
  }

  private bound(): void {
    // Map order is insertion order, and a key is re-inserted when its window changes.
    while (this.windows.size > this.maxKeys) {
      const oldest = this.windows.keys().next().value as string;
      this.windows.delete(oldest);
    }
  }
}
