import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { markAllNotificationsRead, markNotificationRead } from '../../../actions/space';
import { SpaceShell, StatusMessage } from '../../../../components/space/space-shell';
import { spacePage } from '../../../../components/space/space-page';
import styles from '../../../../components/space/space.module.css';
import { formatDateTime } from '../../../../i18n/format';
import { isLocale, localePath, type Locale } from '../../../../i18n/locales';
import { spaceMessages } from '../../../../i18n/space-messages';
import { call } from '../../../../lib/api';
import { MyNotificationsQuery } from '../../../../lib/operations/space';
import { param, type SearchParams } from '../../../../lib/page';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: spaceMessages(isLocale(locale) ? locale : 'fr').notifications.title, robots: { index: false } };
}

const CURSOR = /^[A-Za-z0-9_=-]{1,200}$/;

/** The page a notification is about, when the web app has one. */
function subjectPath(locale: Locale, role: string, type: string, id: string): string | null {
  if (role === 'EMPLOYER') {
    // An employer hears of applications received, answers to invitations and offers expiring.
    if (type === 'APPLICATION') return localePath(locale, `/espace/candidatures-recues/${id}`);
    if (type === 'OFFER') return localePath(locale, `/espace/annonces/${id}`);
    if (type === 'INVITATION') return localePath(locale, '/espace/annonces');
    return null;
  }
  switch (type) {
    case 'APPLICATION':
      return localePath(locale, `/espace/candidatures/${id}`);
    case 'INVITATION':
      // The invitation's own page finds it on whichever page of the list it is, and shows its answer.
      return localePath(locale, `/espace/invitations/${id}`);
    case 'OFFER':
      // The offer page sends an address without its slug on to the full one.
      return localePath(locale, `/offres/${id}`);
    case 'SAVED_SEARCH':
      return localePath(locale, '/espace/alertes');
    default:
      return null;
  }
}

export default async function NotificationsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale, s, viewer } = await spacePage(params, '/espace/notifications');
  if (viewer.role !== 'CANDIDATE' && viewer.role !== 'EMPLOYER') redirect(localePath(locale, '/espace'));
  const query = await searchParams;
  const after = param(query.apres);
  const cursor = CURSOR.test(after) ? after : '';
  const { myNotifications } = await call(MyNotificationsQuery, { after: cursor || null }, { token: viewer.token });
  const n = s.notifications;
  const here = localePath(locale, '/espace/notifications');
  const count = Number(param(query.nombre)) || 0;
  const done = { lue: n.markedRead, 'toutes-lues': n.allMarkedRead(count), change: s.common.changedMeanwhile }[param(query.fait)];
  return (
    <SpaceShell locale={locale} role={viewer.role} current="notifications">
      <h1>{n.title}</h1>
      <StatusMessage text={done} />
      <p className="lead">{n.lead}</p>
      {myNotifications.totalCount ? (
        <>
          <div className={styles.actions}>
            <p>
              <strong>{n.unread(myNotifications.unreadCount)}</strong>
            </p>
            {myNotifications.unreadCount ? (
              <form action={markAllNotificationsRead}>
                <input type="hidden" name="locale" value={locale} />
                <button type="submit" className={styles.button}>
                  {n.markAll}
                </button>
              </form>
            ) : null}
          </div>
          <ul className={styles.list}>
            {myNotifications.edges.map(({ node }) => {
              const subject = subjectPath(locale, viewer.role, node.subjectType, node.subjectId);
              return (
                <li key={node.id} className={node.read ? styles.item : `${styles.item} ${styles.unread}`}>
                  <h2>
                    {node.read ? null : (
                      <>
                        <span className={styles.badge}>{n.unreadBadge}</span>{' '}
                      </>
                    )}
                    {/* The API writes its notices in English only. */}
                    <span lang="en">{node.title}</span>
                  </h2>
                  <p className={styles.meta}>
                    <time dateTime={node.createdAt}>{n.received(formatDateTime(locale, node.createdAt))}</time>
                  </p>
                  <p className={styles.text} lang="en">
                    {node.body}
                  </p>
                  <div className={styles.actions}>
                    {subject && n.subject[node.subjectType] ? (
                      <Link href={subject}>
                        {n.subject[node.subjectType]}
                        <span className="visually-hidden"> {s.common.quoted(node.title)}</span>
                      </Link>
                    ) : null}
                    {node.read ? null : (
                      <form action={markNotificationRead}>
                        <input type="hidden" name="locale" value={locale} />
                        <input type="hidden" name="id" value={node.id} />
                        {cursor ? <input type="hidden" name="apres" value={cursor} /> : null}
                        <button type="submit" className={styles.button}>
                          {n.markRead}
                          <span className="visually-hidden"> {s.common.quoted(node.title)}</span>
                        </button>
                      </form>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
          {cursor || myNotifications.pageInfo.hasNextPage ? (
            <nav aria-label={s.common.pagination} className={styles.pager}>
              {cursor ? <Link href={here}>{s.common.firstPage}</Link> : null}
              {myNotifications.pageInfo.hasNextPage && myNotifications.pageInfo.endCursor ? (
                <Link href={`${here}?apres=${encodeURIComponent(myNotifications.pageInfo.endCursor)}`}>{s.common.nextPage}</Link>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : (
        <p>{n.none}</p>
      )}
    </SpaceShell>
  );
}
