import { PerRequest, RequestBatch } from './request-batch';

describe('request batches', () => {
  it('loads every key asked for in one pass with one call, and each key once', async () => {
    const calls: string[][] = [];
    const batch = new RequestBatch<string, number>(async (keys) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 'none').map((k) => [k, k.length]));
    });
    const keys = Array.from({ length: 20 }, (_, i) => `offer-${i}`);
    const values = await Promise.all([...keys, 'offer-0', 'none'].map((k) => batch.get(k)));
    expect(calls).toEqual([[...keys, 'none']]);
    expect(values.slice(0, 2)).toEqual([7, 7]);
    expect(values[21]).toBeUndefined();
    expect(await batch.get('offer-3')).toBe(7);
    expect(calls).toHaveLength(1);
    await batch.get('later');
    expect(calls).toEqual([[...keys, 'none'], ['later']]);
  });

  it('fails every waiting key with the load’s error, and lets a later call retry', async () => {
    let fail = true;
    const batch = new RequestBatch<string, string>(async (keys) => {
      if (fail) throw new Error('database down');
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    });
    await expect(Promise.all([batch.get('a'), batch.get('b')])).rejects.toThrow('database down');
    fail = false;
    expect(await batch.get('a')).toBe('A');
  });

  it('keeps one set of batches per request', () => {
    const perRequest = new PerRequest(() => ({ id: Math.random() }));
    const first = {};
    expect(perRequest.of(first)).toBe(perRequest.of(first));
    expect(perRequest.of({})).not.toBe(perRequest.of(first));
  });
});
