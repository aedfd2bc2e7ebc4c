import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { EmbeddedSearchEngine } from '@alternance/search/engine';
import { IndexSettings, IndexStore, SearchDocument, SearchRequest, SearchResult } from '@alternance/search/domain';

interface SnapshotHeader {
  format: 1;
  appliedUpTo: number;
  settings: IndexSettings;
}

/**
 * The embedded adapter: the in-process engine, persisted under the data folder. The engine
 * and the outbox watermark are written together, atomically (temporary file, fsync, rename),
 * at most every `persistDelayMs` (5 s: a snapshot of 100,000 offers blocks for about half a second); after a crash the relay replays the outbox from the
 * watermark of the last snapshot, so nothing is lost and nothing stale survives.
 */
export class EmbeddedIndexStore implements IndexStore {
  private applied = 0;
  private settings?: IndexSettings;
  private timer?: NodeJS.Timeout;
  private dirty = false;

  private constructor(
    readonly name: string,
    private readonly file: string,
    private engine: EmbeddedSearchEngine,
    private readonly persistDelayMs: number,
  ) {}

  /** Opens the index from its snapshot in `dir`, or empty when there is none (or it is unreadable). */
  static open(name: string, dir: string, options: { persistDelayMs?: number; log?: (m: string) => void } = {}): EmbeddedIndexStore {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.index`);
    if (existsSync(file)) {
      try {
        const buffer = readFileSync(file);
        const headerLength = buffer.readUInt32BE(0);
        const header = JSON.parse(buffer.subarray(4, 4 + headerLength).toString('utf8')) as SnapshotHeader;
        const engine = EmbeddedSearchEngine.fromSnapshot(buffer.subarray(4 + headerLength), name);
        const store = new EmbeddedIndexStore(name, file, engine, options.persistDelayMs ?? 5000);
        store.applied = header.appliedUpTo;
        store.settings = header.settings;
        return store;
      } catch (error) {
        // A damaged snapshot costs a rebuild from the outbox, never a failed start.
        options.log?.(`search index ${file} unreadable (${(error as Error).message}): rebuilding it`);
      }
    }
    return new EmbeddedIndexStore(name, file, new EmbeddedSearchEngine(name), options.persistDelayMs ?? 5000);
  }

  async configure(settings: IndexSettings): Promise<void> {
    if (this.settings && JSON.stringify(this.settings) === JSON.stringify(settings)) return;
    await this.engine.configure(settings);
    this.settings = settings;
    this.schedulePersist();
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    await this.engine.upsert(documents);
    this.schedulePersist();
  }

  async delete(ids: string[]): Promise<void> {
    await this.engine.delete(ids);
    this.schedulePersist();
  }

  async clear(): Promise<void> {
    await this.engine.clear();
    this.applied = 0;
    this.schedulePersist();
  }

  search(request: SearchRequest): Promise<SearchResult> {
    return this.engine.search(request);
  }

  count(): Promise<number> {
    return this.engine.count();
  }

  async appliedUpTo(): Promise<number> {
    return this.applied;
  }

  async markApplied(eventId: number): Promise<void> {
    this.applied = eventId;
    this.schedulePersist();
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.dirty) this.persist();
  }

  /** Writes the snapshot now; normally called by the debounce timer. */
  persist(): void {
    this.dirty = false;
    const header = Buffer.from(JSON.stringify({ format: 1, appliedUpTo: this.applied, settings: this.settings } satisfies Partial<SnapshotHeader>), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length, 0);
    const body = this.engine.toSnapshot();
    const tmp = `${this.file}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      for (const part of [length, header, body]) writeSync(fd, part);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
  }

  private schedulePersist(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.dirty) this.persist();
    }, this.persistDelayMs);
    this.timer.unref();
  }
}
