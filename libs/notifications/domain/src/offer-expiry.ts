import { addDays, daysBetween, isoDay, startOfUtcDay } from './days';

/** The notices of an offer's end, each sent once. */
export enum ExpiryStage {
  WARN_7_DAYS = 'WARN_7_DAYS',
  WARN_1_DAY = 'WARN_1_DAY',
  EXPIRED = 'EXPIRED',
}

/** Warnings by how many days before the expiry day they are due, latest last. */
const WARNINGS: readonly { stage: ExpiryStage; daysBefore: number }[] = [
  { stage: ExpiryStage.WARN_7_DAYS, daysBefore: 7 },
  { stage: ExpiryStage.WARN_1_DAY, daysBefore: 1 },
];

/** The longest warning lead: offers expiring after this many days need no look yet. */
export const EXPIRY_WARNING_HORIZON_DAYS = 7;

export function isExpired(now: Date, expiresAt: Date): boolean {
  return now.getTime() >= expiresAt.getTime();
}

/**
 * Which warning to send today, if any. Warnings are due from 00:00 UTC of the day 7 (and 1)
 * days before the expiry day. When several are due at once (a job that ran late, or a short
 * lifetime), only the latest is sent and the earlier ones count as done: an employer never
 * gets "7 days left" after "1 day left".
 */
export function dueExpiryWarning(now: Date, expiresAt: Date, done: ReadonlySet<ExpiryStage>): { send: ExpiryStage | null; settle: ExpiryStage[] } {
  if (isExpired(now, expiresAt)) return { send: null, settle: [] };
  const expiryDay = startOfUtcDay(expiresAt);
  const due = WARNINGS.filter((w) => now >= addDays(expiryDay, -w.daysBefore)).map((w) => w.stage);
  const latest = due[due.length - 1];
  if (!latest || done.has(latest)) return { send: null, settle: due.filter((s) => !done.has(s)) };
  return { send: latest, settle: due.filter((s) => !done.has(s)) };
}

export function expiryWarningText(offerTitle: string, now: Date, expiresAt: Date): { title: string; body: string } {
  const days = daysBetween(now, expiresAt);
  const when = days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  return {
    title: `Your offer “${offerTitle}” expires ${when}`,
    body: [
      `It leaves the job board on ${isoDay(expiresAt)} (at ${expiresAt.toISOString().slice(11, 16)} UTC) and is then closed.`,
      'Candidates who already applied keep their applications.',
    ].join('\n'),
  };
}

export function offerExpiredText(offerTitle: string, expiresAt: Date): { title: string; body: string } {
  return {
    title: `Your offer “${offerTitle}” has expired`,
    body: [
      `It reached its end date on ${isoDay(expiresAt)} and was closed: it no longer appears on the job board.`,
      'Post a new offer to keep recruiting.',
    ].join('\n'),
  };
}
