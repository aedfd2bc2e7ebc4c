import Link from 'next/link';
import type { Locale } from '../i18n/locales';
import { localePath } from '../i18n/locales';
import { messages } from '../i18n/messages';
import { currentViewer } from '../lib/session';
import { otherLanguagePath } from '../lib/paths';
import { publicPath } from '../lib/site';
import { logOut } from '../app/actions/auth';
import styles from './site-header.module.css';

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = messages(locale);
  const [viewer, path] = await Promise.all([currentViewer().catch(() => null), publicPath()]);
  const other = locale === 'fr' ? 'en' : 'fr';
  return (
    <header className={styles.header}>
      <div className={styles.bar}>
        <Link href={localePath(locale, '/')} className={styles.brand} aria-label={t.layout.home}>
          Alternance
        </Link>
        <nav aria-label={t.layout.mainNav} className={styles.nav}>
          <ul>
            <li>
              <Link href={localePath(locale, '/offres')}>{t.layout.offers}</Link>
            </li>
            {viewer ? (
              <>
                <li>
                  <Link href={localePath(locale, '/espace')}>{t.layout.mySpace}</Link>
                </li>
                <li>
                  <form action={logOut}>
                    <input type="hidden" name="locale" value={locale} />
                    <button type="submit" className={styles.linkButton}>
                      {t.layout.logOut}
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href={localePath(locale, '/connexion')}>{t.layout.logIn}</Link>
                </li>
                <li>
                  <Link href={localePath(locale, '/inscription')} className={styles.cta}>
                    {t.layout.signUp}
                  </Link>
                </li>
              </>
            )}
            <li>
              <a href={otherLanguagePath(path)} hrefLang={other} lang={other} aria-label={t.layout.languageLabel}>
                {t.layout.language}
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
