import type { Metadata } from 'next';
import Link from 'next/link';
import { SpaceShell } from '../../../../components/space/space-shell';
import { candidatePage } from '../../../../components/space/space-page';
import styles from '../../../../components/space/space.module.css';
import { formatDate } from '../../../../i18n/format';
import { isLocale, localePath } from '../../../../i18n/locales';
import { spaceMessages } from '../../../../i18n/space-messages';
import { call } from '../../../../lib/api';
import { offerPath } from '../../../../lib/offer-search';
import { MyApplicationsQuery } from '../../../../lib/operations/space';
import { param, type SearchParams } from '../../../../lib/page';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: spaceMessages(isLocale(locale) ? locale : 'fr').applications.title, robots: { index: false } };
}

const CURSOR = /^[A-Za-z0-9_=-]{1,200}$/;

export default async function ApplicationsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale, s, viewer } = await candidatePage(params, '/espace/candidatures');
  const after = param((await searchParams).apres);
  const { myApplications } = await call(MyApplicationsQuery, { after: CURSOR.test(after) ? after : null }, { token: viewer.token });
  const a = s.applications;
  const here = localePath(locale, '/espace/candidatures');
  return (
    <SpaceShell locale={locale} role={viewer.role} current="applications">
      <h1>{a.title}</h1>
      {myApplications.totalCount ? (
        <>
          <p className="lead">{a.lead}</p>
          <p>{a.count(myApplications.totalCount)}</p>
          <ul className={styles.list}>
            {myApplications.edges.map(({ node }) => (
              <li key={node.id} className={styles.item}>
                <h2>
                  <Link href={localePath(locale, offerPath(node.offer))}>{node.offer.title}</Link>
                </h2>
                <p className={styles.meta}>{node.offer.organization.name}</p>
                <p>
                  {a.statusLabel} <span className={styles.statusBadge}>{s.enums.applicationStatus[node.status] ?? node.status}</span>
                </p>
                <p className={styles.meta}>
                  {a.sent(formatDate(locale, node.createdAt))}
                  {node.updatedAt !== node.createdAt ? ` · ${a.updated(formatDate(locale, node.updatedAt))}` : ''}
                </p>
                <p className={styles.actions}>
                  <Link href={localePath(locale, `/espace/candidatures/${node.id}`)} className={styles.buttonLink}>
                    {a.details}
                    <span className="visually-hidden"> {s.common.quoted(node.offer.title)}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
          {after || myApplications.pageInfo.hasNextPage ? (
            <nav aria-label={s.common.pagination} className={styles.pager}>
              {after ? <Link href={here}>{s.common.firstPage}</Link> : null}
              {myApplications.pageInfo.hasNextPage && myApplications.pageInfo.endCursor ? (
                <Link href={`${here}?apres=${encodeURIComponent(myApplications.pageInfo.endCursor)}`}>{s.common.nextPage}</Link>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : (
        <>
          <p>{a.none}</p>
          <p>
            <Link href={localePath(locale, '/offres')} className={styles.primaryLink}>
              {a.findOffers}
            </Link>
          </p>
        </>
      )}
    </SpaceShell>
  );
}
