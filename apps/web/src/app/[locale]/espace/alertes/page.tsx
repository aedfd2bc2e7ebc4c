import type { Metadata } from 'next';
import Link from 'next/link';
import { deleteSavedSearch } from '../../../actions/space';
import { savedCriteria } from '../../../../components/space/saved-search';
import { SpaceShell, StatusMessage } from '../../../../components/space/space-shell';
import { candidatePage } from '../../../../components/space/space-page';
import styles from '../../../../components/space/space.module.css';
import { formatDate, formatKm } from '../../../../i18n/format';
import { isLocale, localePath } from '../../../../i18n/locales';
import { spaceMessages } from '../../../../i18n/space-messages';
import { call } from '../../../../lib/api';
import { MySavedSearchesWithCriteriaQuery } from '../../../../lib/operations/alerts';
import { param, type SearchParams } from '../../../../lib/page';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: spaceMessages(isLocale(locale) ? locale : 'fr').alerts.title, robots: { index: false } };
}

export default async function AlertsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale, t, s, viewer } = await candidatePage(params, '/espace/alertes');
  const query = await searchParams;
  const { mySavedSearches } = await call(MySavedSearchesWithCriteriaQuery, {}, { token: viewer.token });
  const a = s.alerts;
  const done = { supprimee: a.deleted, change: s.common.changedMeanwhile }[param(query.fait)];
  return (
    <SpaceShell locale={locale} role={viewer.role} current="alerts">
      <h1>{a.title}</h1>
      <StatusMessage text={done} />
      <p className="lead">{a.lead}</p>
      {mySavedSearches.length ? (
        <ul className={styles.list}>
          {mySavedSearches.map((saved) => {
            const c = savedCriteria(saved.search, a.placeLabel);
            const criteria = [
              c.q ? a.words(c.q) : a.anyWords,
              c.occupations.length ? a.occupations(c.occupations.join(', ')) : null,
              c.programs ? a.programs(c.programs) : null,
              c.contracts.length ? a.contracts(c.contracts.map((v) => t.enums.contractType[v] ?? v).join(', ')) : null,
              c.remote.length ? a.remote(c.remote.map((v) => t.enums.remotePolicy[v] ?? v).join(', ')) : null,
              c.near ? (c.near.postcode ? a.nearPostcode(formatKm(locale, c.near.radiusKm), c.near.postcode) : a.near(formatKm(locale, c.near.radiusKm))) : null,
              c.startAfter ? a.startAfter(formatDate(locale, c.startAfter)) : null,
              c.startBefore ? a.startBefore(formatDate(locale, c.startBefore)) : null,
              c.disabilityFriendly ? a.disabilityFriendly : null,
            ].filter((v): v is string => Boolean(v));
            return (
              <li key={saved.id} className={styles.item}>
                <h2>{saved.name}</h2>
                <p className={styles.meta}>
                  {a.saved(formatDate(locale, saved.createdAt))} · <strong>{saved.alert ? a.alertOn : a.alertOff}</strong>
                </p>
                <p className={styles.whyTitle}>{a.criteria}</p>
                <ul>
                  {criteria.map((v) => (
                    <li key={v}>{v}</li>
                  ))}
                </ul>
                <div className={styles.actions}>
                  <Link href={`${localePath(locale, '/offres')}${c.query}`} className={styles.buttonLink}>
                    {a.run}
                    <span className="visually-hidden"> {s.common.quoted(saved.name)}</span>
                  </Link>
                  <form action={deleteSavedSearch}>
                    <input type="hidden" name="locale" value={locale} />
                    <input type="hidden" name="id" value={saved.id} />
                    <button type="submit" className={styles.button}>
                      {a.delete}
                      <span className="visually-hidden"> {s.common.quoted(saved.name)}</span>
                    </button>
                  </form>
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <>
          <p>{a.none}</p>
          <p>
            <Link href={localePath(locale, '/offres')} className={styles.primaryLink}>
              {a.search}
            </Link>
          </p>
        </>
      )}
    </SpaceShell>
  );
}
