import type { Locale } from './locales';
import { employerEn } from './messages/employer.en';
import { employerFr, type EmployerMessages } from './messages/employer.fr';

const catalogues: Record<Locale, EmployerMessages> = { fr: employerFr, en: employerEn };

/** The texts of the employer's space, kept apart from the main catalogues. */
export function employerMessages(locale: Locale): EmployerMessages {
  return catalogues[locale];
}
export type { EmployerMessages };
