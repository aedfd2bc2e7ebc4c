import type { Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import styles from './site-footer.module.css';

export function SiteFooter({ locale }: { locale: Locale }) {
  const t = messages(locale);
  return (
    <footer className={styles.footer}>
      <p>{t.layout.footer}</p>
      <nav aria-label={t.layout.footerNav}>
        <ul>
          <li>
            <a href="/graphql">{t.layout.playground}</a>
          </li>
          <li>{t.layout.accessibility}</li>
        </ul>
      </nav>
    </footer>
  );
}
