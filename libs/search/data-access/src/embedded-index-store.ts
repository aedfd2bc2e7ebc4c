import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
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
 * at most every `persistDelayMs` (5 s); after a crash the relay replays the outbox from the
 * watermark of the last snapshot, so nothing is lost and nothing stale survives.
 *
 * A snapshot of 100,000 offers takes a few hundred milliseconds to encode: it is encoded in
 * slices of a few milliseconds, between which searches go on, and written to disk off the main
 * thread. Writes to the index (the relay's) wait while it is encoded, so that the snapshot is
 * the index at one moment, with the watermark of that moment.
 */
export class EmbeddedIndexStore implements IndexStore {
  private applied = 0;
  private settings?: IndexSettings;
  private timer?: NodeJS.Timeout;
  private dirty = false;
  /**
   * Set while a snapshot is encoded, and never rejected: writes wait for it. Each write checks
   * it just before it changes the engine, with no await in between.
   */
  private encoding?: Promise<void>;
  /** The snapshot being written, if any: the next one starts after it. */
  private persisting?: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly file: string,
    private engine: EmbeddedSearchEngine,
    private readonly persistDelayMs: number,
    private readonly log?: (message: string) => void,
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
        const store = new EmbeddedIndexStore(name, file, engine, options.persistDelayMs ?? 5000, options.log);
        store.applied = header.appliedUpTo;
        store.settings = header.settings;
        return store;
      } catch (error) {
        // A damaged snapshot costs a rebuild from the outbox, never a failed start.
        options.log?.(`search index ${file} unreadable (${(error as Error).message}): rebuilding it`);
      }
    }
    return new EmbeddedIndexStore(name, file, new EmbeddedSearchEngine(name), options.persistDelayMs ?? 5000, options.log);
  }

  async configure(settings: IndexSettings): Promise<void> {
    while (this.encoding) await this.encoding;
    if (this.settings && JSON.stringify(this.settings) === JSON.stringify(settings)) return;
    await this.engine.configure(settings);
    this.settings = settings;
    this.schedulePersist();
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    while (this.encoding) await this.encoding;
    await this.engine.upsert(documents);
    this.schedulePersist();
  }

  async delete(ids: string[]): Promise<void> {
    while (this.encoding) await this.encoding;
    await this.engine.delete(ids);
    this.schedulePersist();
  }

  async clear(): Promise<void> {
    while (this.encoding) await this.encoding;
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
    while (this.encoding) await this.encoding;
    this.applied = eventId;
    this.schedulePersist();
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.persisting?.catch(() => undefined);
    if (this.dirty) await this.persist();
  }

  /**
   * Writes the snapshot (normally called by the debounce timer); resolves once it is on disk.
   * Snapshots are written one after the other, each of the index as it was when it started.
   */
  persist(): Promise<void> {
    const previous = this.persisting;
    const run = (async () => {
      // A failed snapshot does not fail the next one.
      await previous?.catch(() => undefined);
      await this.writeSnapshot();
    })();
    const tracked = run.finally(() => {
      if (this.persisting === tracked) this.persisting = undefined;
    });
    this.persisting = tracked;
    return tracked;
  }

  private async writeSnapshot(): Promise<void> {
    while (this.encoding) await this.encoding;
    this.dirty = false;
    try {
      const header = Buffer.from(JSON.stringify({ format: 1, appliedUpTo: this.applied, settings: this.settings } satisfies Partial<SnapshotHeader>), 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(header.length, 0);
      const encoding = this.engine.toSnapshotInSteps();
      this.encoding = encoding.then(
        () => undefined,
        () => undefined,
      );
      const body = await encoding.finally(() => {
        this.encoding = undefined;
      });
      await writeAtomically(this.file, [length, header, body]);
    } catch (error) {
      // Not on disk: the next write (or close) tries again; the outbox still holds everything after the last snapshot.
      this.dirty = true;
      throw error;
    }
  }

  private onPersistError(error: unknown): void {
    this.log?.(`search index ${this.file} not persisted (${(error as Error).message}): trying again in ${this.persistDelayMs} ms`);
    this.schedulePersist();
  }

  private schedulePersist(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.dirty) this.persist().catch((error: unknown) => this.onPersistError(error));
    }, this.persistDelayMs);
    this.timer.unref();
  }
}

/** Writes `parts` to `file` whole or not at all: a temporary file, fsync, then rename. */
async function writeAtomically(file: string, parts: Buffer[]): Promise<void> {
  const tmp = `${file}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    let position = 0;
    for (const part of parts) {
      for (let written = 0; written < part.length; ) {
        const { bytesWritten } = await handle.write(part, written, part.length - written, position);
        written += bytesWritten;
        position += bytesWritten;
      }
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
}
