import { TypoKeys, acceptsTypos, maxTypos, typoDistance } from './suggestion-typos';

/** Mulberry32: reproducible random words and edits. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('typos', () => {
  it('allows none under 5 letters, one from 5 and two from 9 (Meilisearch)', () => {
    expect([4, 5, 8, 9, 20].map(maxTypos)).toEqual([0, 1, 1, 2, 2]);
  });

  it('counts a swap of neighbouring letters as one typo and stops past the maximum', () => {
    expect(typoDistance('boulangre', 'boulanger', 2)).toBe(1);
    expect(typoDistance('devlopeur', 'developpeur', 2)).toBe(2);
    expect(typoDistance('lyon', 'lyon', 1)).toBe(0);
    expect(typoDistance('paris', 'lyon', 1)).toBe(2);
    expect(typoDistance('a', '', 1)).toBe(1);
  });

  it('keeps codes and numbers out of typo matching', () => {
    expect(acceptsTypos('69003')).toBe(false);
    expect(acceptsTypos('rncp37566')).toBe(false);
    expect(acceptsTypos('lyon')).toBe(true);
    expect(acceptsTypos('bac')).toBe(false);
  });

  it('finds every vocabulary term within the allowed typos, as a scan of the vocabulary would', () => {
    const next = random(7);
    const letters = 'abcdeilmnorstu';
    const word = (length: number) => Array.from({ length }, () => letters[Math.floor(next() * letters.length)]).join('');
    const vocabulary = [...new Set(Array.from({ length: 3000 }, () => word(3 + Math.floor(next() * 10))))];
    const keys = TypoKeys.build(vocabulary);
    for (let q = 0; q < 400; q++) {
      // Half the queries are vocabulary words with one or two edits, so that there are matches to find.
      let query = next() < 0.5 ? vocabulary[Math.floor(next() * vocabulary.length)] : word(5 + Math.floor(next() * 8));
      const edits = 1 + Math.floor(next() * 2);
      for (let i = 0; i < edits; i++) {
        const at = Math.floor(next() * query.length);
        query = next() < 0.5 ? query.slice(0, at) + query.slice(at + 1) : query.slice(0, at) + word(1) + query.slice(at + 1);
      }
      const allowed = maxTypos(query.length);
      if (!allowed) continue;
      const expected = vocabulary.filter((t) => acceptsTypos(t) && typoDistance(query, t, allowed) <= allowed);
      const found = [...keys.candidates(query, allowed)].map((id) => vocabulary[id]).filter((t) => typoDistance(query, t, allowed) <= allowed);
      expect(found.sort()).toEqual(expected.sort());
    }
  });
});
