import { RoaringBitmap32 } from 'roaring';
import { hasDigit } from './tokenizer';
import { TypoDictionary } from './typo-dictionary';

/** Up to this many new documents for one posting, `add` them one by one rather than `addMany`. */
const SMALL_ADD = 8;

/**
 * The vocabulary and its postings: one roaring bitmap of documents per (term, searchable
 * field). Keeping the field in the posting is what lets ranking tell a title match from a
 * description match with bitmap operations alone. New postings are buffered in plain arrays
 * and handed to CRoaring in one `addMany` per bitmap at the end of a batch: one native call
 * per bitmap instead of one per word.
 */
export class InvertedIndex {
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();
  private postings: (RoaringBitmap32 | undefined)[] = [];
  private pending = new Map<number, number[]>();
  /** Term ids by term, for prefix ranges. */
  private sorted: Uint32Array = new Uint32Array(0);
  /** Terms added since `sorted` was last brought up to date: merged in on the next prefix query. */
  private unsorted: number[] = [];
  readonly typos: TypoDictionary;

  constructor(
    readonly fieldCount: number,
    typos = new TypoDictionary(),
  ) {
    this.typos = typos;
  }

  get size(): number {
    return this.terms.length;
  }

  termId(term: string): number | undefined {
    return this.ids.get(term);
  }

  ensureTerm(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
      this.unsorted.push(id);
      if (TypoDictionary.accepts(term, hasDigit(term))) this.typos.add(id, term);
    }
    return id;
  }

  /** Buffers a posting; visible to searches after `flush()`. */
  add(term: number, field: number, doc: number): void {
    const key = term * this.fieldCount + field;
    const list = this.pending.get(key);
    if (list) list.push(doc);
    else this.pending.set(key, [doc]);
  }

  remove(term: number, field: number, doc: number): void {
    this.postings[term * this.fieldCount + field]?.remove(doc);
  }

  flush(): void {
    for (const [key, docs] of this.pending) {
      let bitmap = this.postings[key];
      // Small batches (a relay applying a few changes) add one by one: cheaper than a typed
      // array per posting. Sorted input lets CRoaring append containers instead of searching.
      if (docs.length <= SMALL_ADD) {
        if (!bitmap) this.postings[key] = bitmap = new RoaringBitmap32();
        for (const doc of docs) bitmap.add(doc);
      } else {
        const values = Uint32Array.from(docs).sort();
        if (bitmap) bitmap.addMany(values);
        else this.postings[key] = new RoaringBitmap32(values);
      }
    }
    this.pending.clear();
    this.typos.flush();
  }

  /** Documents holding `term` in `field`. */
  posting(term: number, field: number): RoaringBitmap32 | undefined {
    return this.postings[term * this.fieldCount + field];
  }

  /** Term ids starting with `prefix` (the prefix itself excluded), in term order. */
  prefixed(prefix: string): number[] {
    const sorted = this.sortedTerms();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[sorted[mid]] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < sorted.length; i++) {
      const term = this.terms[sorted[i]];
      if (!term.startsWith(prefix)) break;
      if (term.length > prefix.length) out.push(sorted[i]);
    }
    return out;
  }

  clear(): void {
    this.terms.length = 0;
    this.ids.clear();
    this.postings = [];
    this.pending.clear();
    this.sorted = new Uint32Array(0);
    this.unsorted = [];
    this.typos.clear();
  }

  /** Every (posting key, bitmap) pair, for a snapshot. */
  *entries(): IterableIterator<[number, RoaringBitmap32]> {
    for (let key = 0; key < this.postings.length; key++) {
      const bitmap = this.postings[key];
      if (bitmap && !bitmap.isEmpty) yield [key, bitmap];
    }
  }

  /** Rebuilds the vocabulary and postings from a snapshot, without re-deriving the typo keys. */
  static restore(fieldCount: number, terms: string[], postings: Map<number, RoaringBitmap32>, typos: TypoDictionary, sorted?: Uint32Array): InvertedIndex {
    const index = new InvertedIndex(fieldCount, typos);
    for (const term of terms) {
      index.ids.set(term, index.terms.length);
      index.terms.push(term);
    }
    index.postings = new Array(terms.length * fieldCount);
    for (const [key, bitmap] of postings) index.postings[key] = bitmap;
    if (sorted && sorted.length === terms.length) index.sorted = sorted;
    else index.unsorted = Array.from(terms.keys());
    return index;
  }

  /**
   * Term ids in term order. New terms are sorted among themselves and merged in: linear in the
   * vocabulary, so a write adding a word does not cost the next prefix query a full sort.
   */
  sortedTerms(): Uint32Array {
    if (this.unsorted.length > 0) {
      const terms = this.terms;
      const byTerm = (a: number, b: number) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0);
      const fresh = this.unsorted.sort(byTerm);
      const old = this.sorted;
      const merged = new Uint32Array(old.length + fresh.length);
      let i = 0;
      let j = 0;
      for (let at = 0; at < merged.length; at++) merged[at] = j >= fresh.length || (i < old.length && byTerm(old[i], fresh[j]) <= 0) ? old[i++] : fresh[j++];
      this.sorted = merged;
      this.unsorted = [];
    }
    return this.sorted;
  }
}
