import type { Metadata } from 'next';
import Link from 'next/link';
import { declineInvitation } from '../../../actions/space';
import { SpaceShell, StatusMessage, SECTION_PATHS } from '../../../../components/space/space-shell';
import { candidatePage } from '../../../../components/space/space-page';
import styles from '../../../../components/space/space.module.css';
import { formatDate } from '../../../../i18n/format';
import { isLocale, localePath } from '../../../../i18n/locales';
import { spaceMessages } from '../../../../i18n/space-messages';
import { call } from '../../../../lib/api';
import { offerPath } from '../../../../lib/offer-search';
import { MyInvitationsQuery } from '../../../../lib/operations/space';
import { param, type SearchParams } from '../../../../lib/page';

type Params = Promise<{ locale: string }>;

const CURSOR = /^[A-Za-z0-9_=-]{1,200}$/;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: spaceMessages(isLocale(locale) ? locale : 'fr').invitations.title, robots: { index: false } };
}

export default async function InvitationsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale, t, s, viewer } = await candidatePage(params, '/espace/invitations');
  const query = await searchParams;
  const after = param(query.apres);
  const cursor = CURSOR.test(after) ? after : '';
  const { myInvitations, myCandidateProfile } = await call(MyInvitationsQuery, { after: cursor || null }, { token: viewer.token });
  const i = s.invitations;
  const list = localePath(locale, '/espace/invitations');
  // Links back to this page keep its place in the list.
  const here = cursor ? `${list}?apres=${encodeURIComponent(cursor)}` : list;
  const join = cursor ? '&' : '?';
  const declining = param(query.refuser);
  const done = { refusee: i.declinedDone, change: s.common.changedMeanwhile }[param(query.fait)];
  const anonymous = myCandidateProfile?.visibility !== 'PUBLIC';
  return (
    <SpaceShell locale={locale} role={viewer.role} current="invitations">
      <h1>{i.title}</h1>
      <StatusMessage text={done} />
      {myInvitations.edges.length ? (
        <>
          <p className="lead">{i.lead}</p>
          <ul className={styles.list}>
            {myInvitations.edges.map(({ node }) => {
              const org = node.offer.organization.name;
              const pending = node.status === 'PENDING';
              const place = [node.offer.location.city, node.offer.location.postcode ? `(${node.offer.location.postcode})` : null].filter(Boolean).join(' ');
              return (
                <li key={node.id} id={`invitation-${node.id}`} className={styles.item}>
                  <h2>
                    <Link href={localePath(locale, offerPath(node.offer))}>{node.offer.title}</Link>
                  </h2>
                  <p className={styles.meta}>
                    <Link href={localePath(locale, `/employeurs/${node.offer.organization.id}`)}>{org}</Link>
                    {' · '}
                    {t.enums.contractType[node.offer.contractType] ?? node.offer.contractType}
                    {place ? ` · ${place}` : ''}
                  </p>
                  <p className={styles.meta}>
                    {i.received(formatDate(locale, node.createdAt))}
                    {node.answeredAt ? ` · ${i.answered(formatDate(locale, node.answeredAt))}` : ''}
                  </p>
                  <p>
                    {i.statusLabel} <span className={styles.statusBadge}>{s.enums.invitationStatus[node.status] ?? node.status}</span>
                  </p>
                  {node.message ? (
                    <>
                      <p className={styles.whyTitle}>{i.employerMessage}</p>
                      <blockquote className={`${styles.quote} ${styles.text}`}>{node.message}</blockquote>
                    </>
                  ) : null}
                  {pending && declining === node.id ? (
                    <div className={styles.confirm}>
                      <h3>{i.confirmDeclineTitle}</h3>
                      <p>{i.declineFinal}</p>
                      <div className={styles.actions}>
                        <form action={declineInvitation}>
                          <input type="hidden" name="locale" value={locale} />
                          <input type="hidden" name="id" value={node.id} />
                          {cursor ? <input type="hidden" name="apres" value={cursor} /> : null}
                          <button type="submit" className={styles.dangerButton}>
                            {i.confirmDecline}
                          </button>
                        </form>
                        <Link href={`${here}#invitation-${node.id}`} className={styles.buttonLink}>
                          {s.common.cancel}
                        </Link>
                      </div>
                    </div>
                  ) : pending ? (
                    <>
                      <p>{anonymous ? i.revealAnonymous(org) : i.revealPublic(org)}</p>
                      <p>{i.declineFinal}</p>
                      <div className={styles.actions}>
                        <Link href={localePath(locale, `/espace/invitations/${node.id}`)} className={styles.primaryLink}>
                          {i.accept}
                          <span className="visually-hidden"> {s.common.quoted(node.offer.title)}</span>
                        </Link>
                        <Link href={`${here}${join}refuser=${node.id}#invitation-${node.id}`} className={styles.buttonLink}>
                          {i.decline}
                          <span className="visually-hidden"> {s.common.quoted(node.offer.title)}</span>
                        </Link>
                      </div>
                    </>
                  ) : node.applicationId ? (
                    <p>
                      <Link href={localePath(locale, `/espace/candidatures/${node.applicationId}`)}>{i.seeApplication}</Link>
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {cursor || myInvitations.pageInfo.hasNextPage ? (
            <nav aria-label={s.common.pagination} className={styles.pager}>
              {cursor ? <Link href={list}>{s.common.firstPage}</Link> : null}
              {myInvitations.pageInfo.hasNextPage && myInvitations.pageInfo.endCursor ? (
                <Link href={`${list}?apres=${encodeURIComponent(myInvitations.pageInfo.endCursor)}`}>{s.common.nextPage}</Link>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : (
        <>
          <p>{i.none}</p>
          <p>
            <Link href={`${localePath(locale, SECTION_PATHS.profile)}#visibilite`}>{i.visibilityLink}</Link>
          </p>
        </>
      )}
    </SpaceShell>
  );
}
