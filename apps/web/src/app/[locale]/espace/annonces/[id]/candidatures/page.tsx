import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import employerStyles from '../../../../../../components/employer/employer.module.css';
import { MoveForm } from '../../../../../../components/employer/move-form';
import { SpaceShell, StatusMessage } from '../../../../../../components/space/space-shell';
import { UUID, employerPage, ownedOrNotFound } from '../../../../../../components/space/space-page';
import styles from '../../../../../../components/space/space.module.css';
import { employerMessages } from '../../../../../../i18n/employer-messages';
import { formatDate } from '../../../../../../i18n/format';
import { isLocale, localePath } from '../../../../../../i18n/locales';
import { call } from '../../../../../../lib/api';
import { ApplicationColumnQuery, ApplicationListQuery } from '../../../../../../lib/operations/employer';
import { param, type SearchParams } from '../../../../../../lib/page';

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: employerMessages(isLocale(locale) ? locale : 'fr').postings.board, robots: { index: false } };
}

const COLUMNS = ['SUBMITTED', 'IN_REVIEW', 'INTERVIEW', 'OFFERED', 'HIRED', 'REJECTED'] as const;
const CURSOR = /^[A-Za-z0-9_=-]{1,200}$/;

export default async function ApplicationBoardPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const { locale, s, e, viewer, organizationId } = await employerPage(params, `/espace/annonces/${id}/candidatures`);
  const query = await searchParams;
  const list = param(query.vue) === 'liste';
  const b = e.board;
  const focus = param(query.candidature);
  const done = { deplacee: b.moved(s.enums.applicationStatus[param(query.etape)] ?? ''), pourvue: b.filled, refuse: b.refused }[param(query.fait)];
  const reasonMissing = param(query.erreur) === 'motif' ? focus : '';
  const here = localePath(locale, `/espace/annonces/${id}/candidatures`);
  const views = (
    <p className={employerStyles.views}>
      {list ? <Link href={here}>{b.boardView}</Link> : <span aria-current="page">{b.boardView}</span>}
      {list ? <span aria-current="page">{b.listView}</span> : <Link href={`${here}?vue=liste`}>{b.listView}</Link>}
    </p>
  );
  if (list) {
    const after = param(query.apres);
    const { offer } = await ownedOrNotFound(() => call(ApplicationListQuery, { id, after: CURSOR.test(after) ? after : null }, { token: viewer.token }));
    if (!offer || offer.organization.id !== organizationId || !offer.applications) notFound();
    const applications = offer.applications;
    return (
      <SpaceShell locale={locale} role={viewer.role} current="postings" exact={false}>
        <h1>{b.title(offer.title)}</h1>
        <StatusMessage text={done} />
        {views}
        <p>{b.count(applications.totalCount)}</p>
        {applications.edges.length ? (
          <div className={employerStyles.tableWrap}>
            <table className={employerStyles.table}>
              <caption className="visually-hidden">{b.title(offer.title)}</caption>
              <thead>
                <tr>
                  <th scope="col">{e.application.profile}</th>
                  <th scope="col">{e.application.status}</th>
                  <th scope="col">{b.moveTo}</th>
                </tr>
              </thead>
              <tbody>
                {applications.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>
                      <Link href={localePath(locale, `/espace/candidatures-recues/${node.id}`)}>{node.candidate?.displayName ?? b.anonymous}</Link>
                      <br />
                      <span className={styles.meta}>{b.received(formatDate(locale, node.createdAt))}</span>
                    </td>
                    <td>{s.enums.applicationStatus[node.status] ?? node.status}</td>
                    <td>
                      <MoveForm locale={locale} e={e} s={s} application={node} offerId={offer.id} returnTo="board" view="liste" reasonMissing={reasonMissing === node.id} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{b.none}</p>
        )}
        {applications.pageInfo.hasNextPage && applications.pageInfo.endCursor ? (
          <nav aria-label={s.common.pagination} className={styles.pager}>
            <Link href={`${here}?vue=liste&apres=${encodeURIComponent(applications.pageInfo.endCursor)}`}>{s.common.nextPage}</Link>
          </nav>
        ) : null}
      </SpaceShell>
    );
  }
  const columns = await ownedOrNotFound(() => Promise.all(COLUMNS.map((status) => call(ApplicationColumnQuery, { id, status }, { token: viewer.token }).then((r) => r.offer))));
  const offer = columns[0];
  if (!offer || offer.organization.id !== organizationId) notFound();
  return (
    <SpaceShell locale={locale} role={viewer.role} current="postings" exact={false}>
      <h1>{b.title(offer.title)}</h1>
      <StatusMessage text={done} />
      <p className="lead">{b.lead}</p>
      {views}
      <ul className={employerStyles.board} aria-label={b.columnsLabel}>
        {COLUMNS.map((status, i) => {
          const column = columns[i]?.applications;
          const headingId = `column-${status}`;
          return (
            <li key={status} className={employerStyles.column} aria-labelledby={headingId}>
              <h2 id={headingId}>
                {s.enums.applicationStatus[status] ?? status} <span className={styles.meta}>({column?.totalCount ?? 0})</span>
              </h2>
              {column?.edges.length ? (
                <ul className={employerStyles.cards}>
                  {column.edges.map(({ node }) => (
                    <li key={node.id} id={`candidature-${node.id}`} className={focus === node.id ? `${employerStyles.card} ${employerStyles.highlight}` : employerStyles.card}>
                      <h3>
                        <Link href={localePath(locale, `/espace/candidatures-recues/${node.id}`)}>{node.candidate?.displayName ?? b.anonymous}</Link>
                      </h3>
                      {node.candidate?.headline ? <p>{node.candidate.headline}</p> : null}
                      <p className={styles.meta}>{b.received(formatDate(locale, node.createdAt))}</p>
                      <MoveForm locale={locale} e={e} s={s} application={node} offerId={offer.id} returnTo="board" reasonMissing={reasonMissing === node.id} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className={styles.meta}>{b.empty}</p>
              )}
              {column && column.totalCount > column.edges.length ? (
                <p>
                  <Link href={`${here}?vue=liste`}>{b.allInList(column.totalCount)}</Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </SpaceShell>
  );
}
