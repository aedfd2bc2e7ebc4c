/**
 * Each document's term ids in text order, one arena for all documents: proximity ranking
 * reads a hit's words without re-tokenising it, and removing a document knows which
 * postings to clear. A flat Uint32Array costs 4 bytes a word where an array per document
 * would cost a JS object each.
 */

/** Marks the end of a searchable field inside a document's run of term ids. */
export const FIELD_END = 0xffffffff;

export class ForwardIndex {
  private arena: Uint32Array = new Uint32Array(1 << 16);
  private used = 0;
  private garbage = 0;
  private starts: Uint32Array = new Uint32Array(1024);
  private lengths: Uint32Array = new Uint32Array(1024);

  /** Term ids of `doc`, fields separated by FIELD_END; a view valid until the next write. */
  get(doc: number): Uint32Array {
    if (doc >= this.lengths.length) return this.arena.subarray(0, 0);
    return this.arena.subarray(this.starts[doc], this.starts[doc] + this.lengths[doc]);
  }

  /** The arena and the bounds of a document's run, for hot loops that cannot afford a view per call. */
  get terms(): Uint32Array {
    return this.arena;
  }

  startOf(doc: number): number {
    return doc < this.starts.length ? this.starts[doc] : 0;
  }

  endOf(doc: number): number {
    return doc < this.lengths.length ? this.starts[doc] + this.lengths[doc] : 0;
  }

  set(doc: number, terms: ArrayLike<number>): void {
    this.remove(doc);
    this.ensureDocs(doc + 1);
    this.ensureArena(this.used + terms.length);
    this.arena.set(terms, this.used);
    this.starts[doc] = this.used;
    this.lengths[doc] = terms.length;
    this.used += terms.length;
  }

  remove(doc: number): void {
    if (doc >= this.lengths.length || this.lengths[doc] === 0) return;
    this.garbage += this.lengths[doc];
    this.lengths[doc] = 0;
    // Replaced documents leave holes; rewrite once they are half of the arena.
    if (this.garbage > 1 << 16 && this.garbage * 2 > this.used) this.compact();
  }

  clear(): void {
    this.arena = new Uint32Array(1 << 16);
    this.starts = new Uint32Array(1024);
    this.lengths = new Uint32Array(1024);
    this.used = 0;
    this.garbage = 0;
  }

  /** The arena with per-document starts and lengths, for a snapshot (compacted if holes are a tenth of it). */
  export(docCount: number): { arena: Uint32Array; starts: Uint32Array; lengths: Uint32Array } {
    if (this.garbage * 10 > this.used) this.compact();
    const starts = new Uint32Array(docCount);
    const lengths = new Uint32Array(docCount);
    const known = Math.min(docCount, this.lengths.length);
    starts.set(this.starts.subarray(0, known));
    lengths.set(this.lengths.subarray(0, known));
    return { arena: this.arena.subarray(0, this.used), starts, lengths };
  }

  static import(arena: Uint32Array, starts: Uint32Array, lengths: Uint32Array): ForwardIndex {
    const index = new ForwardIndex();
    index.arena = arena.length > 0 ? arena : new Uint32Array(1 << 16);
    index.used = arena.length;
    index.starts = starts.length > 0 ? starts : new Uint32Array(1024);
    index.lengths = lengths.length > 0 ? lengths : new Uint32Array(1024);
    let live = 0;
    for (let doc = 0; doc < lengths.length; doc++) live += lengths[doc];
    index.garbage = index.used - live;
    return index;
  }

  private compact(): void {
    const arena = new Uint32Array(Math.max(1 << 16, this.used - this.garbage));
    let at = 0;
    for (let doc = 0; doc < this.lengths.length; doc++) {
      const length = this.lengths[doc];
      if (length === 0) continue;
      arena.set(this.arena.subarray(this.starts[doc], this.starts[doc] + length), at);
      this.starts[doc] = at;
      at += length;
    }
    this.arena = arena;
    this.used = at;
    this.garbage = 0;
  }

  private ensureDocs(count: number): void {
    if (count <= this.lengths.length) return;
    const size = Math.max(count, this.lengths.length * 2);
    const starts = new Uint32Array(size);
    starts.set(this.starts);
    const lengths = new Uint32Array(size);
    lengths.set(this.lengths);
    this.starts = starts;
    this.lengths = lengths;
  }

  private ensureArena(size: number): void {
    if (size <= this.arena.length) return;
    const arena = new Uint32Array(Math.max(size, Math.ceil(this.arena.length * 1.5)));
    arena.set(this.arena.subarray(0, this.used));
    this.arena = arena;
  }
}
