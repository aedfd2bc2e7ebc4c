import { FIELD_END, ForwardIndex } from './forward-index';

/**
 * How a query slot matches a document, best first: the word as typed, one of its synonyms, a
 * longer word it starts (the last query word only), a word one or two typos away. A synonym
 * only ever stands for the word as typed: a typo variant never brings its own synonyms.
 */
export const Level = { Exact: 0, Synonym: 1, Prefix: 2, OneTypo: 3, TwoTypos: 4 } as const;
export const NO_MATCH = 0xffff;
const TYPOS_OF_LEVEL = [0, 0, 0, 1, 2];
/** Exactness rule: the typed word (0) before a synonym (1) before a prefix or a typo (2). */
const EXACTNESS_OF_LEVEL = [0, 1, 2, 2, 2];

/** Proximity of two consecutive query words counts at most this (also: not in the same field). */
export const MAX_PROXIMITY = 8;

/** The smallest proximity a query of `slots` words can have: every pair adjacent, in order. */
export function bestProximity(slots: number): number {
  return Math.max(0, slots - 1);
}

/**
 * A slot's match in a document as one number, smaller is better: typos, then the field's
 * rank, then exactness. Each slot keeps its best match in this order, so the field and the
 * exactness are those of the match with the fewest typos (a typo in the title does not lend
 * the title's rank to the exact word found in the description).
 */
const FIELD_SHIFT = 2;
const TYPO_SHIFT = 10;
export function slotCode(level: number, field: number): number {
  return (TYPOS_OF_LEVEL[level] << TYPO_SHIFT) | (field << FIELD_SHIFT) | EXACTNESS_OF_LEVEL[level];
}

/** Attribute sums stay under this (field ranks up to 254, 10 words). */
const ATTRIBUTE_RANGE = 4096;

/**
 * Explainable relevance, in the order the rules apply: 1. total typos, 2. attribute: sum over
 * query words of the rank of the field they match in, 3. proximity of consecutive query words,
 * 4. exactness (typed word, synonym, prefix or typo), 5. the index's tie-break fields (fewer
 * applications, then the newest), 6. internal id (indexing order, ids reused). Rules 1 and 2 are
 * packed in `keys`, rule 4 is `second`; proximity, the costly one (a walk through the document's
 * words), is computed only for hits tying on rules 1 and 2 while competing for a place in the page.
 */
export function primaryKey(typos: number, attribute: number): number {
  return typos * ATTRIBUTE_RANGE + Math.min(attribute, ATTRIBUTE_RANGE - 1);
}

export function explainPrimary(key: number): { typos: number; attribute: number } {
  return { typos: Math.floor(key / ATTRIBUTE_RANGE), attribute: key % ATTRIBUTE_RANGE };
}

/** Per-search scratch arrays indexed by internal document id, reused across searches. */
export class RankingScratch {
  private best: Uint16Array[] = [];
  /** Rules 1 and 2 (typos, attribute) per document, see `primaryKey`. */
  keys = new Uint32Array(0);
  /** Rule 4 (exactness) per document. */
  second = new Uint32Array(0);
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
      this.best = [];
      this.keys = new Uint32Array(this.capacity);
      this.second = new Uint32Array(this.capacity);
      this.candidateIds = new Uint32Array(this.capacity);
      this.markIds = new Uint32Array(this.capacity);
      this.proximityStamp = new Uint32Array(this.capacity);
      this.proximityValue = new Uint16Array(this.capacity);
      this.stamp = 0;
    }
    while (this.best.length < slots) this.best.push(new Uint16Array(this.capacity));
    for (let s = 0; s < slots; s++) this.best[s].fill(NO_MATCH);
    if (this.termSlots.length < vocabulary) this.termSlots = new Uint16Array(Math.max(vocabulary, Math.ceil(this.termSlots.length * 1.5)));
    if (++this.stamp === 0xffffffff) {
      this.proximityStamp.fill(0);
      this.stamp = 1;
    }
  }

  /** Records that slot `slot` matches the documents `docs` in field `field` at `level`. */
  mark(slot: number, level: number, field: number, docs: Uint32Array): void {
    const best = this.best[slot];
    const code = slotCode(level, field);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i];
      if (code < best[doc]) best[doc] = code;
    }
  }

  /** Rules 1, 2 and 4 for every candidate, into `keys` and `second`. */
  computeKeys(candidates: Uint32Array, slots: number): void {
    const keys = this.keys;
    const second = this.second;
    for (let i = 0; i < candidates.length; i++) {
      const doc = candidates[i];
      let typos = 0;
      let attribute = 0;
      let exactness = 0;
      for (let s = 0; s < slots; s++) {
        const code = this.best[s][doc];
        typos += code >> TYPO_SHIFT;
        attribute += (code >> FIELD_SHIFT) & 0xff;
        exactness += code & 3;
      }
      keys[doc] = primaryKey(typos, attribute);
      second[doc] = exactness;
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
