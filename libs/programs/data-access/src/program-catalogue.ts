import { Logger, Module, OnModuleDestroy } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { CLOCK, Clock, Page, PageRequest, systemClock } from '@alternance/platform/domain';
import { findPlain } from '@alternance/platform/data-access';
import { onCatalogueImported, readCatalogueVersion } from './catalogue-version';
import { ProgramEntity } from './program.entity';
import { CatalogueProgram, ProgramSearch, ProgramSnapshot } from './program-snapshot';

/** Where the catalogue comes from: the database, or a fake in tests. */
export interface ProgramCatalogueSource {
  /** Changes whenever an import commits (see `readCatalogueVersion`). */
  version(): Promise<string>;
  /** Every program in catalogue order, with the version read before them. */
  load(): Promise<{ version: string; programs: CatalogueProgram[] }>;
}

export interface ProgramCatalogueOptions {
  /** How old the snapshot may get before a request starts a version check in the background. */
  refreshIntervalMs?: number;
  clock?: Clock;
  /** Where a failed background check goes (the snapshot keeps serving meanwhile). */
  onError?: (error: unknown) => void;
}

export const DEFAULT_CATALOGUE_REFRESH_MS = 30_000;

/** Optional Nest provider of `ProgramCatalogueOptions` (tests shorten the interval). */
export const PROGRAM_CATALOGUE_OPTIONS = Symbol('PROGRAM_CATALOGUE_OPTIONS');

interface Loaded {
  snapshot: ProgramSnapshot;
  version: string;
  /** The `invalidate()` count it was loaded under: an older one is not served any more. */
  generation: number;
  checkedAt: number;
}

/**
 * The program catalogue in memory. Programs change only when an import runs, so a page of the
 * catalogue is a filter over a snapshot instead of two queries and the parsing of every row's
 * JSON. The first request loads the snapshot (concurrent first requests share the load); after
 * that no request waits for the database: once the snapshot is `refreshIntervalMs` old, a request
 * starts one version check in the background and keeps the current snapshot, which is replaced
 * when the check finds another version. An import in this process invalidates it at once.
 * So an import in another process shows after at most the interval plus one check and load.
 */
export class ProgramCatalogue implements OnModuleDestroy {
  private current?: Loaded;
  private loading?: { generation: number; promise: Promise<Loaded> };
  private checking?: Promise<void>;
  private generation = 0;
  private readonly refreshIntervalMs: number;
  private readonly clock: Clock;
  private readonly onError: (error: unknown) => void;
  private readonly stopListening: () => void;

  constructor(
    private readonly source: ProgramCatalogueSource,
    options: ProgramCatalogueOptions = {},
  ) {
    this.refreshIntervalMs = options.refreshIntervalMs ?? DEFAULT_CATALOGUE_REFRESH_MS;
    this.clock = options.clock ?? systemClock;
    this.onError = options.onError ?? (() => undefined);
    this.stopListening = onCatalogueImported(() => this.invalidate());
  }

  async search(filter: ProgramSearch, page: PageRequest): Promise<Page<CatalogueProgram>> {
    return (await this.snapshot()).search(filter, page);
  }

  async byIds(ids: readonly string[]): Promise<Map<string, CatalogueProgram>> {
    return (await this.snapshot()).byIds(ids);
  }

  async snapshot(): Promise<ProgramSnapshot> {
    const current = this.current;
    if (!current || current.generation !== this.generation) return (await this.load()).snapshot;
    if (this.now() - current.checkedAt >= this.refreshIntervalMs) this.checkInBackground(current);
    return current.snapshot;
  }

  /** The next request reads the programs again (after an import in this process). */
  invalidate(): void {
    this.generation++;
  }

  /** Resolves once no background check or reload is running: for tests and shutdown. */
  async settled(): Promise<void> {
    while (this.checking) await this.checking;
  }

  onModuleDestroy(): void {
    this.stopListening();
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  private load(): Promise<Loaded> {
    const generation = this.generation;
    if (this.loading?.generation === generation) return this.loading.promise;
    const promise = this.source
      .load()
      .then(({ version, programs }) => {
        const loaded: Loaded = { snapshot: new ProgramSnapshot(programs), version, generation, checkedAt: this.now() };
        // A load overtaken by an import still answers the requests that waited for it, but is not kept.
        if (generation === this.generation) this.current = loaded;
        return loaded;
      })
      .finally(() => {
        if (this.loading?.promise === promise) this.loading = undefined;
      });
    this.loading = { generation, promise };
    return promise;
  }

  private checkInBackground(current: Loaded): void {
    if (this.checking) return;
    this.checking = this.check(current)
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        this.checking = undefined;
      });
  }

  private async check(current: Loaded): Promise<void> {
    try {
      if ((await this.source.version()) !== current.version) await this.load();
    } finally {
      // Also after a failure: the next attempt waits one interval rather than every request retrying.
      current.checkedAt = this.now();
    }
  }
}

/**
 * Reads the catalogue with an entity manager of its own: a check runs after the request that
 * started it may have ended, and never inside that request's transaction.
 */
export function databaseCatalogueSource(orm: MikroORM): ProgramCatalogueSource {
  return {
    version: () => readCatalogueVersion(orm.em.fork()),
    async load() {
      const em = orm.em.fork();
      // The version before the rows: an import committing in between makes the next check reload;
      // the other order could label the old rows with the new version and keep them.
      const version = await readCatalogueVersion(em);
      const programs = await findPlain(em, ProgramEntity, {}, { orderBy: { title: 'asc', id: 'asc' } });
      return { version, programs };
    },
  };
}

/** One catalogue per process: every module that reads programs imports this one. */
@Module({
  providers: [
    {
      provide: ProgramCatalogue,
      inject: [MikroORM, { token: CLOCK, optional: true }, { token: PROGRAM_CATALOGUE_OPTIONS, optional: true }],
      useFactory: (orm: MikroORM, clock?: Clock, options?: ProgramCatalogueOptions) => {
        const log = new Logger('ProgramCatalogue');
        return new ProgramCatalogue(databaseCatalogueSource(orm), {
          clock,
          onError: (error) => log.warn(`catalogue version check failed, serving the loaded programs: ${(error as Error).message}`),
          ...options,
        });
      },
    },
  ],
  exports: [ProgramCatalogue],
})
export class ProgramCatalogueModule {}
