import fc from 'fast-check';
import { TopK, isBetter } from './top-k';

describe('TopK', () => {
  it('keeps the k best by key then lowest id, whatever the input order', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 20 }), id: fc.string({ maxLength: 3 }) }), { maxLength: 60 }), fc.integer({ min: 0, max: 15 }), (entries, k) => {
        const top = new TopK(k);
        entries.forEach((e, i) => top.push(e.key, e.id, i));
        const expected = entries
          .map((e, i) => ({ ...e, item: i }))
          .sort((a, b) => (isBetter(a.key, a.id, b.key, b.id) ? -1 : isBetter(b.key, b.id, a.key, a.id) ? 1 : 0))
          .slice(0, k)
          .map((e) => [e.key, e.id]);
        return JSON.stringify(top.sorted().map((e) => [e.key, e.id])) === JSON.stringify(expected);
      }),
      { numRuns: 2_000, seed: 5 },
    );
  });

  it('reports the key to beat once full', () => {
    const top = new TopK(2);
    expect(top.threshold()).toBe(-Infinity);
    top.push(5, 'b', 0);
    top.push(7, 'a', 1);
    expect(top.threshold()).toBe(5);
    expect(top.worstId()).toBe('b');
    expect(top.admits(5, 'a')).toBe(true);
    expect(top.admits(5, 'c')).toBe(false);
    top.push(5, 'a', 2);
    expect(top.sorted().map((e) => e.item)).toEqual([1, 2]);
  });

  it('keeps nothing when asked for nothing', () => {
    const top = new TopK(0);
    top.push(1, 'a', 0);
    expect(top.sorted()).toEqual([]);
  });
});
