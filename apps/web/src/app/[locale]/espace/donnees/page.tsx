import type { Metadata } from 'next';
import { SpaceShell } from '../../../../components/space/space-shell';
import { spacePage } from '../../../../components/space/space-page';
import styles from '../../../../components/space/space.module.css';
import { isLocale, localePath } from '../../../../i18n/locales';
import { spaceMessages } from '../../../../i18n/space-messages';
import { DeleteAccountForm } from './delete-account-form';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: spaceMessages(isLocale(locale) ? locale : 'fr').data.title, robots: { index: false } };
}

/** Data rights for every account: employers and staff have them too. */
export default async function DataPage({ params }: { params: Params }) {
  const { locale, s, viewer } = await spacePage(params, '/espace/donnees');
  const d = s.data;
  return (
    <SpaceShell locale={locale} role={viewer.role} current="data">
      <h1>{d.title}</h1>
      <p className="lead">{d.lead}</p>
      <section aria-labelledby="export-heading" className={styles.panel}>
        <h2 id="export-heading">{d.exportTitle}</h2>
        <p>{d.exportText}</p>
        <p>
          {/* A file, not a page: a plain link, so the router neither prefetches nor renders it. */}
          <a href={localePath(locale, '/espace/donnees/export')} download className={styles.buttonLink}>
            {d.exportLink}
          </a>
        </p>
      </section>
      <section aria-labelledby="delete-heading" className={styles.confirm}>
        <h2 id="delete-heading">{d.deleteTitle}</h2>
        <p>{d.deleteText}</p>
        <DeleteAccountForm locale={locale} labels={{ errorSummary: s.common.errorSummary, password: d.password, confirm: d.confirm }} />
      </section>
    </SpaceShell>
  );
}
