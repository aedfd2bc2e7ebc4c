import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { Lease, leaseFor } from '@alternance/platform/data-access';
import { CLOCK, Clock } from '@alternance/platform/domain';
import { APP_CONFIG, AppConfig, ScheduledJobRegistry } from '@alternance/platform/nest';
import { MAILER, Mailer } from '@alternance/notifications/data-access';
import { MailDispatcher } from '../mail/mail-dispatcher';
import { OfferExpiryJob } from '../offer-expiry/offer-expiry.job';
import { SavedSearchAlertsJob } from '../saved-searches/saved-search-alerts.job';
import { RetentionJob } from '../data-rights/retention.job';
import { JOB_LOG, JobLog } from '../log';

export interface JobReport {
  job: string;
  ok: boolean;
  /** Another process held this job's lease and was running it: this run left it alone. */
  skipped?: boolean;
  result?: unknown;
  error?: string;
  ms: number;
}

interface Job {
  name: string;
  run(now: Date): Promise<unknown>;
  /** Held while the job runs, so two processes (APIs, workers, `npm run jobs`) never run it at once. */
  lease: Lease;
}

/**
 * The scheduled work of the single process: offer expiry, saved-search digests, retention,
 * the jobs other contexts register (`ScheduledJobRegistry`: the outcome follow-up), then mail (last, so the notices the others posted go out in the same run). Every job reads
 * its state from the database and is safe to run again, or from `npm run jobs` beside the API.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private current?: Promise<JobReport[]>;
  private readonly jobs: Job[];
  private readonly contributed = new Map<string, Job>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'jobsIntervalSeconds'>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JOB_LOG) private readonly log: JobLog,
    @Inject(MAILER) private readonly mailer: Mailer,
    private readonly mail: MailDispatcher,
    offerExpiry: OfferExpiryJob,
    savedSearchAlerts: SavedSearchAlertsJob,
    retention: RetentionJob,
    private readonly orm: MikroORM,
    private readonly registry: ScheduledJobRegistry,
  ) {
    const jobs: Omit<Job, 'lease'>[] = [
      { name: 'offerExpiry', run: (now) => offerExpiry.run(now) },
      { name: 'savedSearchAlerts', run: (now) => savedSearchAlerts.run(now) },
      { name: 'retention', run: (now) => retention.run(now) },
      { name: 'mail', run: () => mail.dispatchDue() },
    ];
    this.jobs = jobs.map((job) => ({ ...job, lease: leaseFor(orm, `job:${job.name}`) }));
  }

  onApplicationBootstrap(): void {
    const seconds = this.config.jobsIntervalSeconds;
    if (seconds <= 0) return;
    this.timer = setInterval(() => void this.runOnce(), seconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.current;
    await this.mail.settled();
    await this.mailer.close?.();
  }

  /** Runs every job once, in order; a run already going is joined rather than doubled. */
  runOnce(): Promise<JobReport[]> {
    this.current ??= this.runAll().finally(() => (this.current = undefined));
    return this.current;
  }

  /** Its own jobs, then those other contexts registered (the outcome follow-up), mail last. */
  private ordered(): Job[] {
    for (const job of this.registry.jobs()) {
      if (!this.contributed.has(job.name)) this.contributed.set(job.name, { name: job.name, run: (now) => job.run(now), lease: leaseFor(this.orm, `job:${job.name}`) });
    }
    const mail = this.jobs[this.jobs.length - 1];
    return [...this.jobs.slice(0, -1), ...this.contributed.values(), mail];
  }

  private async runAll(): Promise<JobReport[]> {
    const reports: JobReport[] = [];
    for (const job of this.ordered()) {
      const started = Date.now();
      try {
        const outcome = await job.lease.run(() => job.run(this.clock.now()));
        if (outcome.acquired) reports.push({ job: job.name, ok: true, result: outcome.value, ms: Date.now() - started });
        else reports.push({ job: job.name, ok: true, skipped: true, ms: Date.now() - started });
      } catch (error) {
        // One failing job does not stop the others; it runs again on the next tick.
        this.log.warn(`job ${job.name} failed: ${(error as Error).message}`);
        reports.push({ job: job.name, ok: false, error: (error as Error).message, ms: Date.now() - started });
      }
    }
    return reports;
  }
}
