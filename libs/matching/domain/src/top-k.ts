/**
 * The k best entries of a stream in O(n log k) without sorting the stream: a min-heap of
 * size k whose root is the worst kept entry. Better means a higher key, then a lower id, so
 * the order is total and results never depend on the input order.
 */
export class TopK {
  private readonly keys: Float64Array;
  private readonly ids: string[];
  private readonly items: Int32Array;
  private count = 0;

  constructor(readonly k: number) {
    const size = pageSize(k);
    this.k = size;
    this.keys = new Float64Array(size);
    this.ids = new Array<string>(size);
    this.items = new Int32Array(size);
  }

  get size(): number {
    return this.count;
  }

  /** Whether an entry with this key and id would be kept: lets a caller skip work for a loser. */
  admits(key: number, id: string): boolean {
    if (this.count < this.k) return true;
    if (this.k === 0) return false;
    return isBetter(key, id, this.keys[0], this.ids[0]);
  }

  /** The key an entry must beat to get in once the heap is full; -Infinity until then. */
  threshold(): number {
    return this.count < this.k || this.k === 0 ? -Infinity : this.keys[0];
  }

  /** The id of the worst kept entry, once full: an entry with the threshold key must have a lower id to get in. */
  worstId(): string | undefined {
    return this.count < this.k || this.k === 0 ? undefined : this.ids[0];
  }

  push(key: number, id: string, item: number): void {
    if (this.count < this.k) {
      this.keys[this.count] = key;
      this.ids[this.count] = id;
      this.items[this.count] = item;
      this.siftUp(this.count++);
    } else if (this.admits(key, id)) {
      this.keys[0] = key;
      this.ids[0] = id;
      this.items[0] = item;
      this.siftDown(0);
    }
  }

  /** Kept entries, best first. */
  sorted(): { key: number; id: string; item: number }[] {
    const out = [];
    for (let i = 0; i < this.count; i++) out.push({ key: this.keys[i], id: this.ids[i], item: this.items[i] });
    return out.sort((a, b) => (isBetter(a.key, a.id, b.key, b.id) ? -1 : isBetter(b.key, b.id, a.key, a.id) ? 1 : 0));
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!isBetter(this.keys[parent], this.ids[parent], this.keys[i], this.ids[i])) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.count && isBetter(this.keys[worst], this.ids[worst], this.keys[left], this.ids[left])) worst = left;
      if (right < this.count && isBetter(this.keys[worst], this.ids[worst], this.keys[right], this.ids[right])) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(a: number, b: number): void {
    const key = this.keys[a];
    this.keys[a] = this.keys[b];
    this.keys[b] = key;
    const id = this.ids[a];
    this.ids[a] = this.ids[b];
    this.ids[b] = id;
    const item = this.items[a];
    this.items[a] = this.items[b];
    this.items[b] = item;
  }
}

/** Higher key first; on a tie, the lower id (plain UTF-16 order, not locale: stable everywhere). */
export function isBetter(keyA: number, idA: string, keyB: number, idB: string): boolean {
  return keyA > keyB || (keyA === keyB && idA < idB);
}

/** A requested number of results as a count: whole, not negative, 0 for nonsense. */
export function pageSize(first: number): number {
  return Number.isFinite(first) ? Math.max(0, Math.floor(first)) : 0;
}
