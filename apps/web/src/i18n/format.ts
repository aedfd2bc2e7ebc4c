import { INTL_TAG, type Locale } from './locales';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** A calendar date (`YYYY-MM-DD` or an ISO time) as people read it: "4 janvier 2027". */
export function formatDate(locale: Locale, value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return '';
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'long', timeZone: 'UTC' })).format(date);
}

/** A date and time, in Paris time (the product's market). */
export function formatDateTime(locale: Locale, value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return cached(
    `dt:${locale}`,
    () => new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }),
  ).format(date);
}

export function formatNumber(locale: Locale, value: number, fractionDigits = 0): string {
  return cached(
    `n:${locale}:${fractionDigits}`,
    () => new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: fractionDigits }),
  ).format(value);
}

export function formatMoney(locale: Locale, value: number, currency: string): string {
  return cached(
    `m:${locale}:${currency}`,
    () => new Intl.NumberFormat(INTL_TAG[locale], { style: 'currency', currency, maximumFractionDigits: 0 }),
  ).format(value);
}

/** Distances under 10 km keep one decimal. */
export function formatKm(locale: Locale, km: number): string {
  return `${formatNumber(locale, km, km < 10 ? 1 : 0)} km`;
}
