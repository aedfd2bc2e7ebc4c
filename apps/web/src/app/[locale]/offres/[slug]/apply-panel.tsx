import Link from 'next/link';
import { localePath, type Locale } from '../../../../i18n/locales';
import { messages } from '../../../../i18n/messages';
import { offerPath } from '../../../../lib/offer-search';
import type { Viewer } from '../../../../lib/session';
import styles from './offer.module.css';

/** The Apply action: a link to the application form, or what stands in its way. */
export function ApplyPanel({ locale, offer, viewer }: { locale: Locale; offer: { id: string; title: string }; viewer: Viewer | null }) {
  const t = messages(locale);
  const applyPath = `${offerPath(offer)}/postuler`;
  if (!viewer) {
    return (
      <div className={styles.apply}>
        <p>
          <Link className={styles.applyButton} href={localePath(locale, `/connexion?suite=${encodeURIComponent(localePath(locale, applyPath))}`)}>
            {t.offer.signInToApply}
          </Link>
        </p>
        <p>
          <Link href={localePath(locale, `/inscription?suite=${encodeURIComponent(localePath(locale, applyPath))}`)}>{t.offer.signUpToApply}</Link>
        </p>
      </div>
    );
  }
  if (viewer.role !== 'CANDIDATE') {
    return (
      <div className={styles.apply}>
        <p>{t.offer.employerCannotApply}</p>
      </div>
    );
  }
  return (
    <div className={styles.apply}>
      <p>
        <Link className={styles.applyButton} href={localePath(locale, applyPath)}>
          {t.offer.apply}
        </Link>
      </p>
    </div>
  );
}
