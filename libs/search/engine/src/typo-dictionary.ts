/**
 * Typo tolerance as dictionary lookups (SymSpell's symmetric deletions): at index time every
 * vocabulary word is stored under the hashes of the strings obtained by deleting up to two of
 * its characters; at query time the query word's own deletions are looked up. Two words
 * within Damerau-Levenshtein distance k always share a deletion of depth ≤ k on each side, so
 * the lookups find every candidate, and a real distance check drops hash collisions and
 * near misses. A query costs a few dozen binary searches, never a scan of the vocabulary.
 */

/** Meilisearch's rule, on the query word's length: none under 5 letters, 1 from 5, 2 from 9. */
export function maxTypos(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Deletion depth a vocabulary word needs: a 2-typo query has ≥ 9 letters so only matches
 * words of ≥ 7; a 1-typo query has ≥ 5 letters so only words of ≥ 4.
 */
function indexDepth(length: number): number {
  return length >= 7 ? 2 : length >= 4 ? 1 : 0;
}

/** Long tokens (URLs, references) would add hundreds of deletions each for no useful typo. */
export const MAX_TYPO_WORD_LENGTH = 24;

const TERM_BITS = 2 ** 22;
/** Keys pack a 31-bit hash above a 22-bit term id: exact in a float64 (53 bits). */
export const MAX_TERMS = TERM_BITS;
const MERGE_THRESHOLD = 8192;

/**
 * Optimal string alignment distance (Damerau-Levenshtein where a transposition of two adjacent
 * letters is one typo). Returns `max + 1` as soon as the distance must exceed `max`.
 */
export function damerauLevenshtein(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2 = new Array<number>(m + 1);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[m] <= max ? prev[m] : max + 1;
}

/** FNV-1a over the char codes of `word` minus the positions `skipA` and `skipB`, on 31 bits. */
function deletionHash(word: string, skipA: number, skipB: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    if (i === skipA || i === skipB) continue;
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 1;
}

/** Hashes of `word` and of its deletions up to `depth`, deduplicated. */
export function deletionHashes(word: string, depth: number): number[] {
  const hashes = new Set<number>([deletionHash(word, -1, -1)]);
  if (depth >= 1) {
    for (let i = 0; i < word.length; i++) {
      hashes.add(deletionHash(word, i, -1));
      if (depth >= 2) for (let j = i + 1; j < word.length; j++) hashes.add(deletionHash(word, i, j));
    }
  }
  return [...hashes];
}

export class TypoDictionary {
  /** Sorted keys `hash * 2^22 + termId`; equal hashes are adjacent. */
  private keys: Float64Array = new Float64Array(0);
  /** Terms added since the last merge, looked up by hash until they are merged. */
  private pending = new Map<number, number[]>();
  private pendingCount = 0;

  /** Whether a word takes part in typo matching at all. */
  static accepts(term: string, typoFree: boolean): boolean {
    return !typoFree && term.length >= 4 && term.length <= MAX_TYPO_WORD_LENGTH;
  }

  add(termId: number, term: string): void {
    if (termId >= MAX_TERMS) throw new Error(`typo dictionary holds at most ${MAX_TERMS} terms`);
    for (const hash of deletionHashes(term, indexDepth(term.length))) {
      const list = this.pending.get(hash);
      if (list) list.push(termId);
      else this.pending.set(hash, [termId]);
      this.pendingCount++;
    }
    if (this.pendingCount >= MERGE_THRESHOLD * 16) this.merge();
  }

  /** Folds pending additions into the sorted keys when there are enough to be worth a sort. */
  flush(force = false): void {
    if (this.pendingCount > 0 && (force || this.pendingCount >= MERGE_THRESHOLD)) this.merge();
  }

  /** Term ids sharing a deletion (depth ≤ `depth`) with `word`: candidates to verify. */
  candidates(word: string, depth: number, out: Set<number>): Set<number> {
    const keys = this.keys;
    for (const hash of deletionHashes(word, depth)) {
      const base = hash * TERM_BITS;
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (keys[mid] < base) lo = mid + 1;
        else hi = mid;
      }
      const end = base + TERM_BITS;
      for (let i = lo; i < keys.length && keys[i] < end; i++) out.add(keys[i] - base);
      const pending = this.pending.get(hash);
      if (pending) for (const id of pending) out.add(id);
    }
    return out;
  }

  get size(): number {
    return this.keys.length + this.pendingCount;
  }

  clear(): void {
    this.keys = new Float64Array(0);
    this.pending.clear();
    this.pendingCount = 0;
  }

  /** The merged keys, for a snapshot. */
  toKeys(): Float64Array {
    this.flush(true);
    return this.keys;
  }

  static fromKeys(keys: Float64Array): TypoDictionary {
    const dictionary = new TypoDictionary();
    dictionary.keys = keys;
    return dictionary;
  }

  /** Sorts the pending keys alone, then merges two sorted runs: linear in the dictionary size. */
  private merge(): void {
    const fresh = new Float64Array(this.pendingCount);
    let at = 0;
    for (const [hash, ids] of this.pending) for (const id of ids) fresh[at++] = hash * TERM_BITS + id;
    fresh.sort();
    const old = this.keys;
    const merged = new Float64Array(old.length + fresh.length);
    let i = 0;
    let j = 0;
    for (let write = 0; write < merged.length; write++) merged[write] = j >= fresh.length || (i < old.length && old[i] <= fresh[j]) ? old[i++] : fresh[j++];
    this.keys = merged;
    this.pending.clear();
    this.pendingCount = 0;
  }
}
