import { InMemoryRateLimitStore } from './rate-limit.store';

describe('InMemoryRateLimitStore (fixed windows)', () => {
  const minute = 60_000;
  const t0 = Date.UTC(2026, 10, 23, 9, 0, 0);

  it('grants up to the limit in a window, then refuses until the next window, with the time left', async () => {
    const store = new InMemoryRateLimitStore();
    for (let i = 0; i < 5; i++) expect((await store.charge([{ key: 'k', cost: 1, limit: 5 }], minute, t0 + i * 1000)).allowed).toBe(true);
    const refused = await store.charge([{ key: 'k', cost: 1, limit: 5 }], minute, t0 + 20_000);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 40_000, exceeded: 'k' });
    expect((await store.charge([{ key: 'k', cost: 1, limit: 5 }], minute, t0 + minute)).allowed).toBe(true);
  });

  it('charges a cost of several units at once, and refuses a cost over the remaining budget whole', async () => {
    const store = new InMemoryRateLimitStore();
    expect((await store.charge([{ key: 'k', cost: 7, limit: 10 }], minute, t0)).allowed).toBe(true);
    expect((await store.charge([{ key: 'k', cost: 4, limit: 10 }], minute, t0)).allowed).toBe(false);
    expect((await store.charge([{ key: 'k', cost: 3, limit: 10 }], minute, t0)).allowed).toBe(true);
  });

  it('charges all keys or none: a refusal on one key leaves the others untouched', async () => {
    const store = new InMemoryRateLimitStore();
    await store.charge([{ key: 'account', cost: 2, limit: 2 }], minute, t0);
    const refused = await store.charge([{ key: 'ip', cost: 1, limit: 1 }, { key: 'account', cost: 1, limit: 2 }], minute, t0);
    expect(refused.allowed).toBe(false);
    expect(refused.exceeded).toBe('account');
    expect((await store.charge([{ key: 'ip', cost: 1, limit: 1 }], minute, t0)).allowed).toBe(true);
  });

  it('adds up charges to the same key within one call', async () => {
    const store = new InMemoryRateLimitStore();
    const decision = await store.charge([{ key: 'k', cost: 2, limit: 3 }, { key: 'k', cost: 2, limit: 3 }], minute, t0);
    expect(decision.allowed).toBe(false);
  });

  it('forgets ended windows and stays within its key bound', async () => {
    const store = new InMemoryRateLimitStore(3);
    for (let i = 0; i < 10; i++) await store.charge([{ key: `k${i}`, cost: 1, limit: 1 }], minute, t0);
    expect(store.size()).toBe(3);
    await store.charge([{ key: 'late', cost: 1, limit: 1 }], minute, t0 + 2 * minute);
    expect(store.size()).toBe(1);
  });
});
