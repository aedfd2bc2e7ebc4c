import fc from 'fast-check';
import { damerauLevenshtein, maxTypos, TypoDictionary } from './typo-dictionary';

/** Full Damerau-Levenshtein restricted to adjacent transpositions, by the textbook recurrence. */
function referenceDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('typo rule (Meilisearch lengths)', () => {
  it('allows no typo under 5 letters, 1 from 5, 2 from 9', () => {
    expect([1, 4, 5, 8, 9, 15].map(maxTypos)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('damerauLevenshtein', () => {
  it('counts a transposition as one typo', () => {
    expect(damerauLevenshtein('javascript', 'javsacript', 2)).toBe(1);
    expect(damerauLevenshtein('chef', 'cehf', 2)).toBe(1);
  });

  it('counts insertions, deletions and substitutions', () => {
    expect(damerauLevenshtein('devlopeur', 'developpeur', 2)).toBe(2);
    expect(damerauLevenshtein('javascrpt', 'javascript', 2)).toBe(1);
    expect(damerauLevenshtein('boulanger', 'boulangere', 2)).toBe(1);
  });

  it('stops at the bound', () => {
    expect(damerauLevenshtein('comptable', 'boulanger', 2)).toBe(3);
  });

  it('agrees with the textbook recurrence within the bound', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 }), (a, b) => {
        const expected = referenceDistance(a, b);
        expect(damerauLevenshtein(a, b, 2)).toBe(expected <= 2 ? expected : 3);
      }),
    );
  });
});

describe('TypoDictionary', () => {
  /** What the dictionary must find: every word within the query's typo budget. */
  function bruteForce(vocabulary: string[], word: string): number[] {
    const k = maxTypos(word.length);
    return vocabulary.flatMap((term, id) => (TypoDictionary.accepts(term, false) && damerauLevenshtein(word, term, k) <= k ? [id] : [])).sort((a, b) => a - b);
  }

  function lookup(dictionary: TypoDictionary, vocabulary: string[], word: string): number[] {
    const k = maxTypos(word.length);
    return [...dictionary.candidates(word, k, new Set())].filter((id) => damerauLevenshtein(word, vocabulary[id], k) <= k).sort((a, b) => a - b);
  }

  it('finds the same words as a scan of the vocabulary, merged or pending', () => {
    const letters = fc.constantFrom('a', 'e', 'r', 's', 't', 'n');
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: letters, minLength: 3, maxLength: 11 }), { minLength: 1, maxLength: 60 }), fc.string({ unit: letters, minLength: 5, maxLength: 12 }), fc.boolean(), (vocabulary, word, merged) => {
        const dictionary = new TypoDictionary();
        vocabulary.forEach((term, id) => TypoDictionary.accepts(term, false) && dictionary.add(id, term));
        dictionary.flush(merged);
        expect(lookup(dictionary, vocabulary, word)).toEqual(bruteForce(vocabulary, word));
      }),
      { numRuns: 300 },
    );
  });

  it('finds a misspelt French word among real ones', () => {
    const vocabulary = ['developpeur', 'developpement', 'javascript', 'boulanger', 'boulangere', 'comptable', 'chef'];
    const dictionary = new TypoDictionary();
    vocabulary.forEach((term, id) => dictionary.add(id, term));
    dictionary.flush(true);
    expect(lookup(dictionary, vocabulary, 'devlopeur').map((id) => vocabulary[id])).toEqual(['developpeur']);
    expect(lookup(dictionary, vocabulary, 'javascrpt').map((id) => vocabulary[id])).toEqual(['javascript']);
    expect(lookup(dictionary, vocabulary, 'boulangre').map((id) => vocabulary[id])).toEqual(['boulanger', 'boulangere']);
  });

  it('survives a round trip through its keys', () => {
    const vocabulary = ['maintenance', 'mecanique', 'electricite'];
    const dictionary = new TypoDictionary();
    vocabulary.forEach((term, id) => dictionary.add(id, term));
    const restored = TypoDictionary.fromKeys(dictionary.toKeys().slice());
    expect(lookup(restored, vocabulary, 'maintenace')).toEqual([0]);
  });
});
