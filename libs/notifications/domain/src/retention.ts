import { addMonths } from '@alternance/platform/domain';
import { addDays, isoDay, later, startOfUtcDay } from './days';

/** A candidate account unused this long is erased (storage limitation, GDPR art. 5(1)(e)). */
export const INACTIVITY_MONTHS = 24;
/** The warning comes this many days before; erasure never comes sooner after a warning. */
export const RETENTION_WARNING_DAYS = 30;

export interface RetentionSchedule {
  /** The day (00:00 UTC) the warning is due. */
  warnOn: Date;
  /** The day (00:00 UTC) the account is erased unless used again. */
  eraseOn: Date;
}

/** Erasure on the day two years after the last activity, the warning 30 days before. */
export function retentionSchedule(lastActiveAt: Date): RetentionSchedule {
  const eraseOn = startOfUtcDay(addMonths(lastActiveAt, INACTIVITY_MONTHS));
  return { warnOn: addDays(eraseOn, -RETENTION_WARNING_DAYS), eraseOn };
}

export type RetentionStep = { kind: 'NONE' } | { kind: 'WARN'; eraseOn: Date } | { kind: 'ERASE' };

/**
 * What retention does today for one account. A warning given before the last activity no
 * longer counts (using the account resets the clock), and erasure always comes at least 30
 * days after the warning, even when the job ran late.
 */
export function retentionStep(now: Date, lastActiveAt: Date, warnedAt: Date | null): RetentionStep {
  const { warnOn, eraseOn } = retentionSchedule(lastActiveAt);
  if (now < warnOn) return { kind: 'NONE' };
  const warning = warnedAt && warnedAt >= lastActiveAt ? warnedAt : null;
  if (!warning) return { kind: 'WARN', eraseOn: later(eraseOn, addDays(startOfUtcDay(now), RETENTION_WARNING_DAYS)) };
  const due = later(eraseOn, addDays(startOfUtcDay(warning), RETENTION_WARNING_DAYS));
  return now >= due ? { kind: 'ERASE' } : { kind: 'NONE' };
}

export function retentionWarningText(eraseOn: Date): { title: string; body: string } {
  const day = isoDay(eraseOn);
  return {
    title: `Your Alternance account will be deleted on ${day}`,
    body: [
      'You have not used your Alternance account for almost two years.',
      `To keep it, simply log in before ${day}. Otherwise your account, your candidate profile, your applications and your saved searches are deleted for good on that day.`,
    ].join('\n'),
  };
}

/**
 * Accounts last active after this instant cannot be due for anything today (24 months are at
 * least 730 days, less the 30-day warning and a day of rounding): the job reads only older ones.
 */
export function retentionLookback(now: Date): Date {
  return addDays(now, -698);
}
