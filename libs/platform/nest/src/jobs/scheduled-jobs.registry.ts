import { Injectable } from '@nestjs/common';

/** A periodic job another context contributes: safe to run again, time from `now`. */
export interface ScheduledJob {
  name: string;
  run(now: Date): Promise<unknown>;
}

/**
 * Jobs that contexts other than notifications contribute to the scheduled run (registered in
 * their module's `onModuleInit`); the job runner runs them after its own and before mail, so
 * their notices go out in the same run.
 */
@Injectable()
export class ScheduledJobRegistry {
  private readonly registered: ScheduledJob[] = [];

  register(job: ScheduledJob): void {
    if (this.registered.some((j) => j.name === job.name)) throw new Error(`A scheduled job named "${job.name}" is already registered.`);
    this.registered.push(job);
  }

  jobs(): readonly ScheduledJob[] {
    return this.registered;
  }
}
