import fc from 'fast-check';
import { FIELD_END } from './forward-index';
import { explainKey, MAX_PROXIMITY, proximityOf, relevanceKey, topK } from './ranking';

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

describe('relevance key', () => {
  it('orders by non-exact words, then typos, then attribute', () => {
    const keys = [relevanceKey(0, 0, 3), relevanceKey(1, 0, 0), relevanceKey(1, 1, 0), relevanceKey(2, 0, 0), relevanceKey(0, 0, 0)];
    expect([...keys].sort((a, b) => a - b)).toEqual([keys[4], keys[0], keys[1], keys[2], keys[3]]);
    expect(explainKey(relevanceKey(2, 3, 4))).toEqual({ nonExactWords: 2, typos: 3, attribute: 4 });
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
