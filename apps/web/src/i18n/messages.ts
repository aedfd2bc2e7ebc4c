import { en } from './messages/en';
import { fr, type Messages } from './messages/fr';
import type { Locale } from './locales';

const catalogues: Record<Locale, Messages> = { fr, en };

export function messages(locale: Locale): Messages {
  return catalogues[locale];
}
export type { Messages };
