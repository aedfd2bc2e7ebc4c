/** French first, at the root of the site; English under /en. */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The public URL of a page in a language: `/offres` in French, `/en/offres` in English. */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  if (locale === DEFAULT_LOCALE) return clean;
  return clean === '/' ? `/${locale}` : `/${locale}${clean}`;
}

/** Intl locale tags used for dates, numbers and currencies. */
export const INTL_TAG: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };
