import fc from 'fast-check';
import { FIELD_END } from './forward-index';
import { explainPrimary, Level, MAX_PROXIMITY, primaryKey, proximityOf, slotCode, topK } from './ranking';

describe('topK', () => {
  it('returns the same first k as a full sort', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), fc.integer({ min: 0, max: 40 }), (scores, k) => {
        const docs = Uint32Array.from(scores.keys());
        const compare = (a: number, b: number) => scores[a] - scores[b] || a - b;
        expect(topK(docs, k, compare)).toEqual([...docs].sort(compare).slice(0, k));
      }),
    );
  });
});

describe('slot codes and primary keys', () => {
  it('order a word\'s matches by typos, then field, then exactness (typed, synonym, prefix or typo)', () => {
    const codes = [slotCode(Level.OneTypo, 0), slotCode(Level.Exact, 3), slotCode(Level.Synonym, 0), slotCode(Level.Exact, 0), slotCode(Level.Prefix, 0), slotCode(Level.TwoTypos, 0)];
    expect([...codes].sort((a, b) => a - b)).toEqual([codes[3], codes[2], codes[4], codes[1], codes[0], codes[5]]);
  });

  it('pack typos before attribute', () => {
    expect(primaryKey(0, 40)).toBeLessThan(primaryKey(1, 0));
    expect(explainPrimary(primaryKey(2, 7))).toEqual({ typos: 2, attribute: 7 });
  });
});

describe('proximityOf', () => {
  // Terms 1, 2, 3 belong to query slots 0, 1, 2.
  const slots = new Uint16Array([0, 1, 2, 4, 0]);
  const doc = (...terms: number[]) => Uint32Array.from(terms);

  it('is the distance between consecutive query words, reversed order costing one more', () => {
    expect(proximityOf(doc(1, 2, FIELD_END), slots, 2)).toBe(1);
    expect(proximityOf(doc(1, 4, 4, 2, FIELD_END), slots, 2)).toBe(3);
    expect(proximityOf(doc(2, 1, FIELD_END), slots, 2)).toBe(2);
    expect(proximityOf(doc(1, 2, 3, FIELD_END), slots, 3)).toBe(2);
  });

  it('caps a pair at the maximum, and words in different fields are not close', () => {
    expect(proximityOf(doc(1, FIELD_END, 2, FIELD_END), slots, 2)).toBe(MAX_PROXIMITY);
    expect(proximityOf(doc(1, ...Array(20).fill(4), 2, FIELD_END), slots, 2)).toBe(MAX_PROXIMITY);
  });
});
