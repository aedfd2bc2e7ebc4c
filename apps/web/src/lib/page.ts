import 'server-only';
import { notFound } from 'next/navigation';
import { isLocale, type Locale } from '../i18n/locales';
import { messages, type Messages } from '../i18n/messages';

/** The language of a route from its `[locale]` segment; anything else is a 404. */
export async function routeLocale(params: Promise<{ locale: string }>): Promise<{ locale: Locale; t: Messages }> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return { locale, t: messages(locale) };
}

/** One value of a query parameter (the first, when repeated), trimmed; never throws. */
export function param(value: string | string[] | undefined): string {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' ? one.trim() : '';
}

/** Every value of a repeated query parameter. */
export function params(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter(Boolean);
}

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
