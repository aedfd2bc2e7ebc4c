import { FIELD_END, ForwardIndex } from './forward-index';

/**
 * Match quality of a query slot in a document, best first. Ranking reads the best level per
 * slot: fewer non-exact words first, then fewer typos (a prefix is non-exact but has no typo).
 */
export const Level = { Exact: 0, Prefix: 1, OneTypo: 2, TwoTypos: 3 } as const;
export const NO_MATCH = 255;
const TYPOS_OF_LEVEL = [0, 0, 1, 2];

/** Proximity of two consecutive query words counts at most this (also: not in the same field). */
export const MAX_PROXIMITY = 8;

/** The smallest proximity a query of `slots` words can have: every pair adjacent, in order. */
export function bestProximity(slots: number): number {
  return Math.max(0, slots - 1);
}

/** Bits of the packed relevance key: non-exact words, then typos, then attribute ranks. */
const ATTRIBUTE_BITS = 12;
const TYPO_BITS = 8;

/**
 * Explainable relevance, in the order the rules apply:
 * 1. non-exact words (exact before prefix before typo), 2. total typos,
 * 3. attribute: sum over query words of the index of the first searchable field they match,
 * 4. proximity of consecutive query words, 5. internal id (stable: indexing order, ids reused).
 * Rules 1–3 are packed into one integer per hit; proximity is computed only for hits that tie
 * on them while competing for a place in the page.
 */
export function relevanceKey(nonExact: number, typos: number, attribute: number): number {
  return (nonExact * (1 << TYPO_BITS) + Math.min(typos, (1 << TYPO_BITS) - 1)) * (1 << ATTRIBUTE_BITS) + Math.min(attribute, (1 << ATTRIBUTE_BITS) - 1);
}

export function explainKey(key: number): { nonExactWords: number; typos: number; attribute: number } {
  const attribute = key % (1 << ATTRIBUTE_BITS);
  const rest = Math.floor(key / (1 << ATTRIBUTE_BITS));
  return { nonExactWords: Math.floor(rest / (1 << TYPO_BITS)), typos: rest % (1 << TYPO_BITS), attribute };
}

/** Per-search scratch arrays indexed by internal document id, reused across searches. */
export class RankingScratch {
  private levels: Uint8Array[] = [];
  private fields: Uint8Array[] = [];
  keys = new Uint32Array(0);
  /**
   * Output buffers for bitmap → id array conversions: hits of a broad query are 100,000 ids,
   * and fresh arrays of that size on every search would keep the garbage collector busy.
   */
  candidateIds = new Uint32Array(0);
  markIds = new Uint32Array(0);
  private proximityStamp = new Uint32Array(0);
  private proximityValue = new Uint16Array(0);
  private stamp = 0;
  /** Query-slot bit mask per term id, for proximity. */
  termSlots = new Uint16Array(0);
  private capacity = 0;

  prepare(capacity: number, slots: number, vocabulary: number): void {
    if (capacity > this.capacity) {
      this.capacity = Math.max(capacity, Math.ceil(this.capacity * 1.5));
      this.levels = [];
      this.fields = [];
      this.keys = new Uint32Array(this.capacity);
      this.candidateIds = new Uint32Array(this.capacity);
      this.markIds = new Uint32Array(this.capacity);
      this.proximityStamp = new Uint32Array(this.capacity);
      this.proximityValue = new Uint16Array(this.capacity);
      this.stamp = 0;
    }
    while (this.levels.length < slots) {
      this.levels.push(new Uint8Array(this.capacity));
      this.fields.push(new Uint8Array(this.capacity));
    }
    for (let s = 0; s < slots; s++) {
      this.levels[s].fill(NO_MATCH);
      this.fields[s].fill(NO_MATCH);
    }
    if (this.termSlots.length < vocabulary) this.termSlots = new Uint16Array(Math.max(vocabulary, Math.ceil(this.termSlots.length * 1.5)));
    if (++this.stamp === 0xffffffff) {
      this.proximityStamp.fill(0);
      this.stamp = 1;
    }
  }

  /** Records that slot `slot` matches the documents `docs` in field `field` at `level`. */
  mark(slot: number, level: number, field: number, docs: Uint32Array): void {
    const levels = this.levels[slot];
    const fields = this.fields[slot];
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i];
      if (level < levels[doc]) levels[doc] = level;
      if (field < fields[doc]) fields[doc] = field;
    }
  }

  /** Packs rules 1–3 for every candidate into `keys`. */
  computeKeys(candidates: Uint32Array, slots: number): void {
    const keys = this.keys;
    for (let i = 0; i < candidates.length; i++) {
      const doc = candidates[i];
      let nonExact = 0;
      let typos = 0;
      let attribute = 0;
      for (let s = 0; s < slots; s++) {
        const level = this.levels[s][doc];
        if (level !== Level.Exact) nonExact++;
        typos += TYPOS_OF_LEVEL[level] ?? 0;
        attribute += this.fields[s][doc];
      }
      keys[doc] = relevanceKey(nonExact, typos, attribute);
    }
  }

  /** Proximity (rule 4) of a document, memoised for this search. */
  proximity(doc: number, forward: ForwardIndex, slots: number): number {
    if (this.proximityStamp[doc] === this.stamp) return this.proximityValue[doc];
    const value = proximityOf(forward.terms, this.termSlots, slots, forward.startOf(doc), forward.endOf(doc));
    this.proximityStamp[doc] = this.stamp;
    this.proximityValue[doc] = value;
    return value;
  }
}

const lastPosition = new Int32Array(16);
const bestDistance = new Int32Array(16);

/**
 * Sum over consecutive query slots of the smallest distance between their words in the same
 * field (reversed order costs one more), each pair capped at MAX_PROXIMITY.
 */
export function proximityOf(terms: Uint32Array, termSlots: Uint16Array, slots: number, start = 0, end = terms.length): number {
  if (slots < 2) return 0;
  lastPosition.fill(-1, 0, slots);
  bestDistance.fill(MAX_PROXIMITY, 0, slots - 1);
  let position = 0;
  for (let i = start; i < end; i++) {
    const term = terms[i];
    if (term === FIELD_END) {
      position = 0;
      lastPosition.fill(-1, 0, slots);
      continue;
    }
    const mask = termSlots[term];
    if (mask !== 0) {
      for (let s = 0; s < slots; s++) {
        if ((mask & (1 << s)) === 0) continue;
        if (s > 0 && lastPosition[s - 1] >= 0) bestDistance[s - 1] = Math.min(bestDistance[s - 1], position - lastPosition[s - 1]);
        if (s < slots - 1 && lastPosition[s + 1] >= 0) bestDistance[s] = Math.min(bestDistance[s], position - lastPosition[s + 1] + 1);
      }
      for (let s = 0; s < slots; s++) if ((mask & (1 << s)) !== 0) lastPosition[s] = position;
    }
    position++;
  }
  let sum = 0;
  for (let s = 0; s < slots - 1; s++) sum += bestDistance[s];
  return sum;
}

/**
 * The k best documents under `compare` (negative: a ranks first), in order, with a bounded
 * max-heap: O(n log k) and k entries of memory, never a sort of every hit.
 */
export function topK(docs: Uint32Array, k: number, compare: (a: number, b: number) => number): number[] {
  if (k <= 0 || docs.length === 0) return [];
  const size = Math.min(k, docs.length);
  const heap = new Uint32Array(size);
  let count = 0;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i];
    if (count < size) {
      // Sift up: the root holds the worst of the kept documents.
      let at = count++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (compare(heap[parent], doc) >= 0) break;
        heap[at] = heap[parent];
        at = parent;
      }
      heap[at] = doc;
    } else if (compare(doc, heap[0]) < 0) {
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= size) break;
        const right = left + 1;
        const worse = right < size && compare(heap[right], heap[left]) > 0 ? right : left;
        if (compare(heap[worse], doc) <= 0) break;
        heap[at] = heap[worse];
        at = worse;
      }
      heap[at] = doc;
    }
  }
  return Array.from(heap).sort(compare);
}
