import Link from 'next/link';
import type { ReactNode } from 'react';
import { localePath, type Locale } from '../../i18n/locales';
import { employerMessages } from '../../i18n/employer-messages';
import { spaceMessages, type SpaceMessages } from '../../i18n/space-messages';
import styles from './space.module.css';

export type SpaceSection = 'dashboard' | 'profile' | 'offers' | 'applications' | 'invitations' | 'notifications' | 'alerts' | 'data' | 'organization' | 'postings' | 'talents';

export const SECTION_PATHS: Record<SpaceSection, string> = {
  dashboard: '/espace',
  profile: '/espace/profil',
  offers: '/espace/offres',
  applications: '/espace/candidatures',
  invitations: '/espace/invitations',
  notifications: '/espace/notifications',
  alerts: '/espace/alertes',
  data: '/espace/donnees',
  organization: '/espace/entreprise',
  postings: '/espace/annonces',
  talents: '/espace/talents',
};

const CANDIDATE_SECTIONS: SpaceSection[] = ['dashboard', 'profile', 'offers', 'applications', 'invitations', 'notifications', 'alerts', 'data'];
const EMPLOYER_SECTIONS: SpaceSection[] = ['dashboard', 'organization', 'postings', 'talents', 'notifications', 'data'];
const OTHER_SECTIONS: SpaceSection[] = ['dashboard', 'data'];

function label(locale: Locale, s: SpaceMessages, section: SpaceSection): string {
  if (section === 'organization' || section === 'postings' || section === 'talents') return employerMessages(locale).nav[section];
  return s.nav[section];
}

/**
 * The space's own navigation beside each of its pages. Each page names its section (a layout
 * would keep a stale current link across client navigations, as layouts do not re-render).
 * On a page below a section (one application) the section is marked `aria-current="true"`.
 */
export function SpaceShell({ locale, role, current, exact = true, children }: { locale: Locale; role: string; current: SpaceSection; exact?: boolean; children: ReactNode }) {
  const s = spaceMessages(locale);
  const sections = role === 'CANDIDATE' ? CANDIDATE_SECTIONS : role === 'EMPLOYER' ? EMPLOYER_SECTIONS : OTHER_SECTIONS;
  return (
    <div className={styles.shell}>
      <nav aria-label={s.nav.label} className={styles.nav}>
        <ul>
          {sections.map((section) => {
            const here = section === current;
            return (
              <li key={section}>
                <Link href={localePath(locale, SECTION_PATHS[section])} aria-current={here ? (exact ? 'page' : 'true') : undefined} className={here ? styles.currentLink : undefined}>
                  {label(locale, s, section)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className={styles.content}>{children}</div>
    </div>
  );
}

/** A message about what just happened (after a form), read out without moving the focus. */
export function StatusMessage({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <p role="status" className={styles.status}>
      {text}
    </p>
  );
}
