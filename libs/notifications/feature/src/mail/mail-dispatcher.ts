import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { CLOCK, Clock } from '@alternance/platform/domain';
import { MAILER, Mailer, NotificationEntity } from '@alternance/notifications/data-access';
import { MAIL_CLAIM_MS, nextMailAttempt, noticeMail } from '@alternance/notifications/domain';
import { JOB_LOG, JobLog } from '../log';

export interface MailRun {
  sent: number;
  failed: number;
}

const BATCH = 50;

/**
 * Sends the mail of notifications, reading them from the database: after each commit that
 * posted notices, and on every scheduler tick for retries. A row is claimed (attempt counted,
 * next attempt pushed past the claim) before sending and marked sent after; a sender that
 * dies in between leaves a claim that expires, and the mail goes out again: at least once.
 */
@Injectable()
export class MailDispatcher {
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly orm: MikroORM,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JOB_LOG) private readonly log: JobLog,
  ) {}

  /** Starts sending in the background (the caller's response does not wait for SMTP). */
  kick(): void {
    void this.dispatchDue();
  }

  /** Sends every due mail; runs one at a time in this process. */
  dispatchDue(): Promise<MailRun> {
    const run = this.running.then(() => this.sendDue());
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Resolves when the sends started so far are over (tests, shutdown). */
  async settled(): Promise<void> {
    await this.running;
  }

  private async sendDue(): Promise<MailRun> {
    const now = this.clock.now();
    const result: MailRun = { sent: 0, failed: 0 };
    for (;;) {
      const em = this.orm.em.fork();
      const due = await em.find(
        NotificationEntity,
        { mailedAt: null, mailNextAttemptAt: { $lte: now } },
        { orderBy: { mailNextAttemptAt: 'asc', id: 'asc' }, limit: BATCH, populate: ['recipient'] },
      );
      for (const notification of due) {
        const outcome = await this.sendOne(notification, now);
        if (outcome !== 'taken') result[outcome]++;
      }
      if (due.length < BATCH) return result;
    }
  }

  private async sendOne(n: NotificationEntity, now: Date): Promise<'sent' | 'failed' | 'taken'> {
    const em = this.orm.em.fork();
    const attempts = n.mailAttempts + 1;
    const claimed = await em.nativeUpdate(
      NotificationEntity,
      { id: n.id, mailedAt: null, mailAttempts: n.mailAttempts },
      { mailAttempts: attempts, mailNextAttemptAt: new Date(now.getTime() + MAIL_CLAIM_MS) },
    );
    // Another sender took it first.
    if (!claimed) return 'taken';
    try {
      await this.mailer.send(noticeMail(n.recipient.getEntity().email, n));
    } catch (error) {
      const next = nextMailAttempt(now, attempts);
      await em.nativeUpdate(NotificationEntity, { id: n.id }, { mailNextAttemptAt: next });
      this.log.warn(
        `mail of notification ${n.id} failed (attempt ${attempts}${next ? `, next at ${next.toISOString()}` : ', giving up'}): ${(error as Error).message}`,
      );
      return 'failed';
    }
    await em.nativeUpdate(NotificationEntity, { id: n.id }, { mailedAt: now, mailNextAttemptAt: null });
    return 'sent';
  }
}
