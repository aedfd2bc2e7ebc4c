/**
 * Typo tolerance for autocomplete, by Meilisearch's rule and the search engine's method
 * (symmetric deletions, as in SymSpell): every term of the vocabulary is stored under the
 * hashes of itself with up to two letters deleted; a typed word's own deletions are looked up,
 * and a real distance check keeps the true matches. Two words within distance k always share a
 * deletion of depth ≤ k on each side, so no match is missed and no vocabulary scan is needed.
 */

/** Meilisearch's rule, on the typed word's length: none under 5 letters, 1 from 5, 2 from 9. */
export function maxTypos(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Deletions a vocabulary term is stored under: a 2-typo word has ≥ 9 letters, so it only meets
 * terms of ≥ 7; a 1-typo word has ≥ 5 letters, so only terms of ≥ 4.
 */
export function termDeletionDepth(length: number): number {
  return length >= 7 ? 2 : length >= 4 ? 1 : 0;
}

/** Longer terms (long compounds, codes) would each add hundreds of keys for no useful typo. */
export const MAX_TYPO_TERM_LENGTH = 24;

export function hasDigit(word: string): boolean {
  return /\p{N}/u.test(word);
}

/** Whether a term takes part in typo matching: digits (postcodes, codes) never do. */
export function acceptsTypos(term: string): boolean {
  return term.length >= 4 && term.length <= MAX_TYPO_TERM_LENGTH && !hasDigit(term);
}

/**
 * Optimal string alignment distance (Damerau-Levenshtein where swapping two adjacent letters is
 * one typo: "boulangre" is one typo from "boulanger"). Returns `max + 1` as soon as the distance
 * must exceed `max`.
 */
export function typoDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  let before = new Array<number>(m + 1).fill(0);
  let previous = new Array<number>(m + 1);
  let current = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[m] <= max ? previous[m] : max + 1;
}

/**
 * Hashes of `word` with up to `depth` letters deleted, through `emit` (repeats included: "ll"
 * minus either l). A polynomial hash modulo 2^32 over prefix and suffix sums, so that each
 * deletion costs a few multiplications instead of a pass over the word: a build hashes some
 * two million of them. Equal strings hash equal; a collision only costs a distance check.
 */
function eachDeletionHash(word: string, depth: number, emit: (hash: number) => void): void {
  const n = word.length;
  const pre = new Array<number>(n + 1);
  const suf = new Array<number>(n + 1);
  const pow = new Array<number>(n + 1);
  pre[0] = 0;
  pow[0] = 1;
  for (let i = 0; i < n; i++) {
    pre[i + 1] = (Math.imul(pre[i], BASE) + word.charCodeAt(i)) >>> 0;
    pow[i + 1] = Math.imul(pow[i], BASE) >>> 0;
  }
  suf[n] = 0;
  for (let i = n - 1; i >= 0; i--) suf[i] = (Math.imul(word.charCodeAt(i), pow[n - 1 - i]) + suf[i + 1]) >>> 0;
  emit(pre[n] >>> 1);
  if (depth < 1) return;
  for (let i = 0; i < n; i++) {
    const head = pre[i];
    emit(((Math.imul(head, pow[n - 1 - i]) + suf[i + 1]) >>> 0) >>> 1);
    if (depth < 2) continue;
    for (let j = i + 1; j < n; j++) {
      // word[i+1..j) as a hash of its own, from the prefix sums
      const middle = (pre[j] - Math.imul(pre[i + 1], pow[j - i - 1])) >>> 0;
      const joined = (Math.imul(head, pow[j - i - 1]) + middle) >>> 0;
      emit(((Math.imul(joined, pow[n - 1 - j]) + suf[j + 1]) >>> 0) >>> 1);
    }
  }
}

const BASE = 0x01000193;

/**
 * The typo dictionary of a fixed vocabulary: (hash, term id) pairs grouped by the hash's top
 * bits with a counting sort, so a build is two linear passes and a lookup reads one short bucket.
 */
export class TypoKeys {
  private constructor(
    private readonly shift: number,
    private readonly bucketStart: Int32Array,
    private readonly hashes: Uint32Array,
    private readonly ids: Int32Array,
  ) {}

  /** `terms[id]` for every id; terms that take no typos are left out. */
  static build(terms: readonly string[]): TypoKeys {
    let bound = 0;
    for (const term of terms) {
      if (!acceptsTypos(term)) continue;
      const n = term.length;
      bound += termDeletionDepth(n) === 2 ? 1 + n + (n * (n - 1)) / 2 : 1 + n;
    }
    // Repeats ("ll" minus either l) are kept: a lookup collects ids in a set anyway.
    const allHashes = new Uint32Array(bound);
    const allIds = new Int32Array(bound);
    let count = 0;
    terms.forEach((term, id) => {
      if (!acceptsTypos(term)) return;
      eachDeletionHash(term, termDeletionDepth(term.length), (hash) => {
        allHashes[count] = hash;
        allIds[count++] = id;
      });
    });
    // About two keys a bucket: hashes are 31 bits, the bucket is their top `31 - shift`.
    let bucketBits = 10;
    while (bucketBits < 24 && 2 ** (bucketBits + 1) <= count) bucketBits++;
    const shift = 31 - bucketBits;
    const bucketStart = new Int32Array(2 ** bucketBits + 1);
    for (let i = 0; i < count; i++) bucketStart[(allHashes[i] >>> shift) + 1]++;
    for (let b = 0; b < bucketStart.length - 1; b++) bucketStart[b + 1] += bucketStart[b];
    const fill = bucketStart.slice(0, bucketStart.length - 1);
    const hashes = new Uint32Array(count);
    const ids = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const at = fill[allHashes[i] >>> shift]++;
      hashes[at] = allHashes[i];
      ids[at] = allIds[i];
    }
    return new TypoKeys(shift, bucketStart, hashes, ids);
  }

  get size(): number {
    return this.hashes.length;
  }

  /** Ids of the terms sharing a deletion (up to `depth` letters) with `word`: to be checked. */
  candidates(word: string, depth: number, out: Set<number> = new Set()): Set<number> {
    eachDeletionHash(word, depth, (hash) => {
      const bucket = hash >>> this.shift;
      for (let i = this.bucketStart[bucket]; i < this.bucketStart[bucket + 1]; i++) if (this.hashes[i] === hash) out.add(this.ids[i]);
    });
    return out;
  }
}
