import type { Locale } from './locales';
import { spaceEn } from './messages/space.en';
import { spaceFr, type SpaceMessages } from './messages/space.fr';

const catalogues: Record<Locale, SpaceMessages> = { fr: spaceFr, en: spaceEn };

/** The texts of the candidate's space (`/espace/...`), kept apart from the main catalogues. */
export function spaceMessages(locale: Locale): SpaceMessages {
  return catalogues[locale];
}
export type { SpaceMessages };
