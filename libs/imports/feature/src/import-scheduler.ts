import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { CLOCK, Clock } from '@alternance/platform/domain';
import { Lease, leaseFor } from '@alternance/platform/data-access';
import { APP_CONFIG, AppConfig } from '@alternance/platform/nest';
import { ImportRunEntity } from '@alternance/imports/data-access';
import { partnerFeedReaders } from '@alternance/imports/domain';
import { IMPORT_CONFIG, ImportConfig, ScheduledFeed } from './import-config';
import { OfferImporter } from './offer-importer';

export interface ScheduledImportReport {
  source: string;
  location: string;
  /** Not due (imported less than IMPORT_INTERVAL_HOURS ago), or held by another process. */
  skipped?: 'NOT_DUE' | 'RUNNING_ELSEWHERE';
  runId?: string;
  status?: string;
  error?: string;
}

/** The bytes of a configured feed: an http(s) URL or a file. */
export async function openFeed(location: string): Promise<AsyncIterable<Uint8Array>> {
  if (/^https?:\/\//i.test(location)) {
    const response = await fetch(location, { signal: AbortSignal.timeout(10 * 60_000) });
    if (!response.ok || !response.body) throw new Error(`${location} answered ${response.status} ${response.statusText}`);
    return Readable.fromWeb(response.body as never);
  }
  return createReadStream(location);
}

/**
 * Imports the configured feeds (IMPORT_FEEDS) on a schedule, in the processes that run the
 * scheduled jobs (JOBS_INTERVAL_SECONDS > 0: the API alone, or the worker). Each feed is
 * imported when its last run is older than IMPORT_INTERVAL_HOURS, under a lease so that
 * two processes never import one feed at once; `npm run jobs` runs the due ones too.
 */
@Injectable()
export class ImportScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('imports');
  private timer?: NodeJS.Timeout;
  private current?: Promise<ScheduledImportReport[]>;
  private readonly lease: Lease;

  constructor(
    private readonly orm: MikroORM,
    private readonly importer: OfferImporter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IMPORT_CONFIG) private readonly config: ImportConfig,
    @Inject(APP_CONFIG) private readonly appConfig: Pick<AppConfig, 'jobsIntervalSeconds'>,
  ) {
    this.lease = leaseFor(orm, 'job:partnerImports');
  }

  onApplicationBootstrap(): void {
    const seconds = this.appConfig.jobsIntervalSeconds;
    if (seconds <= 0 || !this.config.feeds.length) return;
    this.timer = setInterval(() => void this.runDue(), seconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.current?.catch(() => undefined);
  }

  /** Imports every configured feed that is due; a run already going is joined. */
  runDue(): Promise<ScheduledImportReport[]> {
    this.current ??= this.runAll().finally(() => (this.current = undefined));
    return this.current;
  }

  private async runAll(): Promise<ScheduledImportReport[]> {
    const outcome = await this.lease.run(async () => {
      const reports: ScheduledImportReport[] = [];
      for (const feed of this.config.feeds) reports.push(await this.runFeed(feed));
      return reports;
    });
    return outcome.acquired ? outcome.value : this.config.feeds.map((f) => ({ ...f, skipped: 'RUNNING_ELSEWHERE' as const }));
  }

  private async runFeed(feed: ScheduledFeed): Promise<ScheduledImportReport> {
    const last = await this.orm.em.fork().findOne(ImportRunEntity, { source: feed.source, location: feed.location }, { orderBy: { startedAt: 'desc' } });
    if (last && this.clock.now().getTime() - last.startedAt.getTime() < this.config.intervalHours * 3_600_000) return { ...feed, skipped: 'NOT_DUE' };
    try {
      const run = await this.importer.run({ reader: partnerFeedReaders[feed.source], input: await openFeed(feed.location), location: feed.location });
      this.logger.log(`${feed.source}: ${run.status}, ${run.read} read, ${run.created} created, ${run.updated} updated, ${run.closed} closed, ${run.rejected} rejected`);
      return { ...feed, runId: run.id, status: run.status };
    } catch (error) {
      // The feed could not be opened: nothing was read, nothing closed; it is tried again next tick.
      this.logger.warn(`${feed.source}: ${(error as Error).message}`);
      return { ...feed, error: (error as Error).message };
    }
  }
}
