import { RoaringBitmap32 } from 'roaring';

/** Target documents per value bucket. */
const BUCKET = 1024;

interface Buckets {
  /** Lowest value of each bucket, increasing; bucket 0 also takes anything below. */
  lows: Float64Array;
  bitmaps: RoaringBitmap32[];
  /** A bucket this large is rebuilt (writes crowd new values into one bucket: dates grow). */
  limits: Uint32Array;
}

/**
 * A numeric field as a column of float64 by document id (NaN: no value), plus bitmaps of
 * documents by value bucket (about 1,024 documents each, cut at quantiles). A range filter is
 * a union of the buckets it covers plus the documents of its two edge buckets whose value is
 * in range, so its cost does not grow with the number of documents in range. Writes update
 * one bucket in place; the buckets are recut, once, only when a write pattern (growing dates)
 * has made one of them much larger than it was cut.
 */
export class NumericColumn {
  private column: Float64Array = new Float64Array(1024).fill(NaN);
  private buckets: Buckets | undefined;

  get values(): Float64Array {
    return this.column;
  }

  get(doc: number): number {
    return doc < this.column.length ? this.column[doc] : NaN;
  }

  set(doc: number, value: number): void {
    if (doc >= this.column.length) {
      const grown = new Float64Array(Math.max(doc + 1, this.column.length * 2)).fill(NaN);
      grown.set(this.column);
      this.column = grown;
    }
    this.unbucket(doc);
    this.column[doc] = value;
    const buckets = this.buckets;
    if (buckets) {
      const at = bucketOf(buckets.lows, value);
      const bitmap = buckets.bitmaps[at].add(doc);
      if (bitmap.size > buckets.limits[at]) this.buckets = undefined;
    }
  }

  unset(doc: number): void {
    if (doc < this.column.length) {
      this.unbucket(doc);
      this.column[doc] = NaN;
    }
  }

  clear(): void {
    this.column = new Float64Array(1024).fill(NaN);
    this.buckets = undefined;
  }

  /** Documents whose value lies within [gte, lte]. */
  range(gte = -Infinity, lte = Infinity): RoaringBitmap32 {
    if (!(gte <= lte)) return new RoaringBitmap32();
    const { lows, bitmaps } = this.bucketed();
    const first = bucketOf(lows, gte);
    const last = bucketOf(lows, lte);
    const result = last - first > 2 ? RoaringBitmap32.orMany(bitmaps.slice(first + 1, last)) : last - first === 2 ? bitmaps[first + 1].clone() : new RoaringBitmap32();
    result.addMany(this.filter(bitmaps[first], gte, lte));
    if (last !== first) result.addMany(this.filter(bitmaps[last], gte, lte));
    return result;
  }

  /** Calls `visit` with every document whose value lies within [gte, lte], in no set order. */
  forEachInRange(gte: number, lte: number, visit: (doc: number) => void): void {
    if (!(gte <= lte)) return;
    const { lows, bitmaps } = this.bucketed();
    const first = bucketOf(lows, gte);
    const last = bucketOf(lows, lte);
    for (let at = first; at <= last; at++) {
      const docs = bitmaps[at].toUint32Array();
      const edge = at === first || at === last;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i];
        if (!edge || (this.column[doc] >= gte && this.column[doc] <= lte)) visit(doc);
      }
    }
  }

  /** Replaces the column by a snapshot's (buckets are cut on first use). */
  restore(column: Float64Array): void {
    this.column = column.length > 0 ? column : new Float64Array(1024).fill(NaN);
    this.buckets = undefined;
  }

  private unbucket(doc: number): void {
    const old = this.column[doc];
    if (this.buckets && !Number.isNaN(old)) this.buckets.bitmaps[bucketOf(this.buckets.lows, old)].remove(doc);
  }

  /** Sorted ids of the bucket's documents whose value is within bounds. */
  private filter(bitmap: RoaringBitmap32, gte: number, lte: number): Uint32Array {
    const docs = bitmap.toUint32Array();
    let kept = 0;
    for (let i = 0; i < docs.length; i++) {
      const value = this.column[docs[i]];
      if (value >= gte && value <= lte) docs[kept++] = docs[i];
    }
    return docs.subarray(0, kept);
  }

  private bucketed(): Buckets {
    if (this.buckets) return this.buckets;
    const column = this.column;
    let count = 0;
    for (let doc = 0; doc < column.length; doc++) if (!Number.isNaN(column[doc])) count++;
    const ids = new Uint32Array(count);
    let at = 0;
    for (let doc = 0; doc < column.length; doc++) if (!Number.isNaN(column[doc])) ids[at++] = doc;
    ids.sort((a, b) => column[a] - column[b]);
    // Cut about every BUCKET documents, never between two equal values: a bucket starts at
    // the first rank of its lowest value.
    const lows: number[] = [];
    const starts: number[] = [];
    for (let rank = 0; rank < count; rank += BUCKET) {
      const value = column[ids[rank]];
      if (lows.length > 0 && value <= lows[lows.length - 1]) continue;
      let start = rank;
      while (start > 0 && column[ids[start - 1]] === value) start--;
      lows.push(value);
      starts.push(lows.length === 1 ? 0 : start);
    }
    if (lows.length === 0) {
      lows.push(0);
      starts.push(0);
    }
    const bitmaps: RoaringBitmap32[] = [];
    const limits = new Uint32Array(lows.length);
    for (let b = 0; b < lows.length; b++) {
      const end = b + 1 < starts.length ? starts[b + 1] : count;
      bitmaps.push(new RoaringBitmap32(ids.slice(starts[b], end).sort()));
      limits[b] = 4 * Math.max(BUCKET, end - starts[b]);
    }
    this.buckets = { lows: Float64Array.from(lows), bitmaps, limits };
    return this.buckets;
  }
}

/** Index of the bucket holding `value`: the last whose low is ≤ value (0 below every low). */
function bucketOf(lows: Float64Array, value: number): number {
  let lo = 0;
  let hi = lows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lows[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}
