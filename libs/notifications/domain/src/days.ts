export const DAY_MS = 86_400_000;

/** Midnight UTC of the day `date` falls on: rules that speak of days count UTC days. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Whole UTC days from the day of `from` to the day of `to`. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfUtcDay(to).getTime() - startOfUtcDay(from).getTime()) / DAY_MS);
}

/** `YYYY-MM-DD` of the UTC day. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function later(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
