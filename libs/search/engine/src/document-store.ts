import type { SearchDocument } from '@alternance/search/domain';

/**
 * Documents as UTF-8 JSON in one growable buffer, addressed by internal id. Hits only need
 * their stored text for highlights, and a settings change needs every field to re-index:
 * keeping parsed objects for 100,000 documents would cost several times the bytes in V8's
 * heap and slow every garbage collection.
 */
export class DocumentStore {
  private arena = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private garbage = 0;
  private starts: Uint32Array = new Uint32Array(1024);
  private lengths: Uint32Array = new Uint32Array(1024);
  /** External id by internal id; undefined for a free slot. */
  private readonly externalIds: (string | undefined)[] = [];
  private readonly internalIds = new Map<string, number>();
  /**
   * Freed internal ids, reused so that typed arrays indexed by id stay as small as the index.
   * Kept in decreasing order so the lowest is reused first: a restored snapshot then hands
   * out the same ids as the engine it was taken from.
   */
  private free: number[] = [];

  get count(): number {
    return this.internalIds.size;
  }

  /** One past the highest internal id ever handed out: the length typed arrays need. */
  get capacity(): number {
    return this.externalIds.length;
  }

  internalId(id: string): number | undefined {
    return this.internalIds.get(id);
  }

  externalId(doc: number): string | undefined {
    return this.externalIds[doc];
  }

  /** The internal id for a new external id. */
  allocate(id: string): number {
    const doc = this.free.length > 0 ? this.free.pop()! : this.externalIds.length;
    this.externalIds[doc] = id;
    this.internalIds.set(id, doc);
    return doc;
  }

  put(doc: number, document: SearchDocument): void {
    this.release(doc);
    const json = JSON.stringify(document);
    const bytes = Buffer.byteLength(json);
    this.ensure(doc + 1, this.used + bytes);
    this.arena.write(json, this.used, 'utf8');
    this.starts[doc] = this.used;
    this.lengths[doc] = bytes;
    this.used += bytes;
  }

  get(doc: number): SearchDocument | undefined {
    if (doc >= this.lengths.length || this.lengths[doc] === 0) return undefined;
    return JSON.parse(this.arena.toString('utf8', this.starts[doc], this.starts[doc] + this.lengths[doc])) as SearchDocument;
  }

  delete(doc: number): void {
    const id = this.externalIds[doc];
    if (id === undefined) return;
    this.release(doc);
    this.internalIds.delete(id);
    this.externalIds[doc] = undefined;
    let at = this.free.length;
    while (at > 0 && this.free[at - 1] < doc) at--;
    this.free.splice(at, 0, doc);
  }

  clear(): void {
    this.arena = Buffer.allocUnsafe(1 << 20);
    this.used = 0;
    this.garbage = 0;
    this.starts = new Uint32Array(1024);
    this.lengths = new Uint32Array(1024);
    this.externalIds.length = 0;
    this.internalIds.clear();
    this.free = [];
  }

  /** Live internal ids in increasing order. */
  *docs(): IterableIterator<number> {
    for (let doc = 0; doc < this.externalIds.length; doc++) if (this.externalIds[doc] !== undefined) yield doc;
  }

  /**
   * JSON bytes with each document's start and length, and external ids (null for free
   * slots). The arena is written as it is, holes included, unless holes are a tenth of it:
   * a snapshot then costs no extra copy of every document.
   */
  export(): { bytes: Buffer; starts: Uint32Array; lengths: Uint32Array; ids: (string | null)[] } {
    if (this.garbage * 10 > this.used) this.compact();
    const capacity = this.externalIds.length;
    return {
      bytes: this.arena.subarray(0, this.used),
      starts: this.starts.slice(0, capacity),
      lengths: this.lengths.slice(0, capacity),
      ids: this.externalIds.map((id) => id ?? null),
    };
  }

  static import(bytes: Buffer, starts: Uint32Array, lengths: Uint32Array, ids: (string | null)[]): DocumentStore {
    const store = new DocumentStore();
    store.arena = Buffer.from(bytes);
    store.used = bytes.length;
    store.starts = starts.length > 0 ? starts : new Uint32Array(1024);
    store.lengths = lengths.length > 0 ? lengths : new Uint32Array(1024);
    let live = 0;
    for (let doc = 0; doc < ids.length; doc++) {
      const id = ids[doc];
      store.externalIds[doc] = id ?? undefined;
      live += lengths[doc];
      if (id === null) store.free.push(doc);
      else store.internalIds.set(id, doc);
    }
    store.garbage = store.used - live;
    store.free.reverse();
    return store;
  }

  private release(doc: number): void {
    if (doc < this.lengths.length && this.lengths[doc] > 0) {
      this.garbage += this.lengths[doc];
      this.lengths[doc] = 0;
      if (this.garbage > 1 << 20 && this.garbage * 2 > this.used) this.compact();
    }
  }

  private compact(): void {
    const arena = Buffer.allocUnsafe(Math.max(1 << 20, this.used - this.garbage));
    let at = 0;
    for (let doc = 0; doc < this.lengths.length; doc++) {
      const length = this.lengths[doc];
      if (length === 0) continue;
      this.arena.copy(arena, at, this.starts[doc], this.starts[doc] + length);
      this.starts[doc] = at;
      at += length;
    }
    this.arena = arena;
    this.used = at;
    this.garbage = 0;
  }

  private ensure(docs: number, bytes: number): void {
    if (docs > this.lengths.length) {
      const size = Math.max(docs, this.lengths.length * 2);
      const starts = new Uint32Array(size);
      starts.set(this.starts);
      const lengths = new Uint32Array(size);
      lengths.set(this.lengths);
      this.starts = starts;
      this.lengths = lengths;
    }
    if (bytes > this.arena.length) {
      const arena = Buffer.allocUnsafe(Math.max(bytes, Math.ceil(this.arena.length * 1.5)));
      this.arena.copy(arena, 0, 0, this.used);
      this.arena = arena;
    }
  }
}
