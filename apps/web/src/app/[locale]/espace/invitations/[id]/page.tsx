import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SpaceShell } from '../../../../../components/space/space-shell';
import { candidatePage, UUID } from '../../../../../components/space/space-page';
import styles from '../../../../../components/space/space.module.css';
import { formatDate } from '../../../../../i18n/format';
import { isLocale, localePath } from '../../../../../i18n/locales';
import { spaceMessages } from '../../../../../i18n/space-messages';
import { call } from '../../../../../lib/api';
import type { ResultOf } from '../../../../../lib/graphql';
import { offerPath } from '../../../../../lib/offer-search';
import { MyInvitationsQuery } from '../../../../../lib/operations/space';
import { AcceptForm } from './accept-form';

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: spaceMessages(isLocale(locale) ? locale : 'fr').invitations.title, robots: { index: false } };
}

type Invitation = ResultOf<typeof MyInvitationsQuery>['myInvitations']['edges'][number]['node'];

/** The API has no query for one invitation: it is found among the candidate's own, page by page. */
async function findInvitation(token: string, id: string): Promise<{ invitation: Invitation | null; visibility: string | null }> {
  let after: string | null = null;
  for (let page = 0; page < 25; page++) {
    const result: ResultOf<typeof MyInvitationsQuery> = await call(MyInvitationsQuery, { after }, { token });
    const invitation = result.myInvitations.edges.find((e) => e.node.id === id)?.node;
    if (invitation) return { invitation, visibility: result.myCandidateProfile?.visibility ?? null };
    if (!result.myInvitations.pageInfo.hasNextPage || !result.myInvitations.pageInfo.endCursor) break;
    after = result.myInvitations.pageInfo.endCursor;
  }
  return { invitation: null, visibility: null };
}

/** Accepting an invitation: it applies to the offer, so its questions are answered here. */
export default async function AcceptInvitationPage({ params }: { params: Params }) {
  const { id } = await params;
  const { locale, s, viewer } = await candidatePage(params, `/espace/invitations/${encodeURIComponent(id)}`);
  if (!UUID.test(id)) notFound();
  const { invitation, visibility } = await findInvitation(viewer.token, id.toLowerCase());
  if (!invitation) notFound();
  const i = s.invitations;
  const org = invitation.offer.organization.name;
  const list = localePath(locale, '/espace/invitations');
  return (
    <SpaceShell locale={locale} role={viewer.role} current="invitations" exact={false}>
      <p>
        <Link href={list}>{i.back}</Link>
      </p>
      <h1>{invitation.status === 'PENDING' ? i.acceptTitle(invitation.offer.title) : i.invitationTitle(invitation.offer.title)}</h1>
      <p className={styles.meta}>
        <Link href={localePath(locale, offerPath(invitation.offer))}>{invitation.offer.title}</Link> · {org} · {i.received(formatDate(locale, invitation.createdAt))}
      </p>
      {invitation.message ? (
        <>
          <p className={styles.whyTitle}>{i.employerMessage}</p>
          <blockquote className={`${styles.quote} ${styles.text}`}>{invitation.message}</blockquote>
        </>
      ) : null}
      {invitation.status === 'PENDING' ? (
        <>
          <p className="lead">{i.acceptLead}</p>
          <p className={styles.panel}>{visibility === 'PUBLIC' ? i.revealPublic(org) : i.revealAnonymous(org)}</p>
          <AcceptForm
            locale={locale}
            invitationId={invitation.id}
            offerId={invitation.offer.id}
            questions={invitation.offer.screeningQuestions}
            labels={{
              errorSummary: s.common.errorSummary,
              answers: invitation.offer.screeningQuestions.map((_, n) => i.answer(n + 1)),
              message: i.message,
              messageHint: i.messageHint,
              submit: i.acceptSubmit,
            }}
          />
          <p>
            <Link href={`${list}?refuser=${invitation.id}#invitation-${invitation.id}`}>{i.decline}</Link>
          </p>
        </>
      ) : (
        <>
          <p>
            {i.statusLabel} <span className={styles.statusBadge}>{s.enums.invitationStatus[invitation.status]}</span>
          </p>
          <p>{i.alreadyAnswered}</p>
          {invitation.applicationId ? (
            <p>
              <Link href={localePath(locale, `/espace/candidatures/${invitation.applicationId}`)}>{i.seeApplication}</Link>
            </p>
          ) : null}
        </>
      )}
    </SpaceShell>
  );
}
