import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CandidateFacts } from '../../../../../components/employer/candidate-facts';
import { MoveForm } from '../../../../../components/employer/move-form';
import { SpaceShell, StatusMessage } from '../../../../../components/space/space-shell';
import { UUID, employerPage, ownedOrNotFound } from '../../../../../components/space/space-page';
import styles from '../../../../../components/space/space.module.css';
import { employerMessages } from '../../../../../i18n/employer-messages';
import { formatDateTime } from '../../../../../i18n/format';
import { isLocale, localePath } from '../../../../../i18n/locales';
import { call } from '../../../../../lib/api';
import { EmployerApplicationQuery } from '../../../../../lib/operations/employer';
import { param, type SearchParams } from '../../../../../lib/page';

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: employerMessages(isLocale(locale) ? locale : 'fr').board.open, robots: { index: false } };
}

export default async function ReceivedApplicationPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const { locale, s, e, viewer, organizationId } = await employerPage(params, `/espace/candidatures-recues/${id}`);
  const { application } = await ownedOrNotFound(() => call(EmployerApplicationQuery, { id }, { token: viewer.token }));
  // Someone else's application is not found here (the API answers null to anyone but its parties).
  if (!application || application.offer.organization.id !== organizationId) notFound();
  const a = e.application;
  const query = await searchParams;
  const done = { deplacee: e.board.moved(s.enums.applicationStatus[param(query.etape)] ?? ''), pourvue: e.board.filled, refuse: e.board.refused }[param(query.fait)];
  const candidate = application.candidate;
  return (
    <SpaceShell locale={locale} role={viewer.role} current="postings" exact={false}>
      <p>
        <Link href={localePath(locale, `/espace/annonces/${application.offer.id}/candidatures`)}>{a.back}</Link>
      </p>
      <h1>{a.title(candidate?.displayName ?? e.board.anonymous)}</h1>
      <StatusMessage text={done} />
      <dl className={styles.facts}>
        <dt>{a.offer}</dt>
        <dd>
          <Link href={localePath(locale, `/espace/annonces/${application.offer.id}`)}>{application.offer.title}</Link>
        </dd>
        <dt>{a.status}</dt>
        <dd>
          <span className={styles.statusBadge}>{s.enums.applicationStatus[application.status] ?? application.status}</span>
          {application.rejectionReason ? ` — ${s.enums.rejectionReason[application.rejectionReason] ?? application.rejectionReason}` : ''}
        </dd>
      </dl>
      <section aria-labelledby="move-heading" className={styles.panel}>
        <h2 id="move-heading">{e.board.moveTo}</h2>
        <MoveForm locale={locale} e={e} s={s} application={application} offerId={application.offer.id} returnTo="application" reasonMissing={param(query.erreur) === 'motif'} />
      </section>
      <section aria-labelledby="message-heading" className={styles.panel}>
        <h2 id="message-heading">{a.message}</h2>
        {application.message ? <p className={styles.quote}>{application.message}</p> : <p>{a.noMessage}</p>}
        {application.answers.length ? (
          <>
            <h3>{a.answers}</h3>
            <dl className={styles.facts}>
              {application.answers.map((answer, i) => (
                <div key={i}>
                  <dt>{answer.question}</dt>
                  <dd>{answer.answer}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
      </section>
      <section aria-labelledby="profile-heading" className={styles.panel}>
        <h2 id="profile-heading">{a.profile}</h2>
        {candidate ? <CandidateFacts locale={locale} e={e} s={s} candidate={candidate} /> : <p>{a.erased}</p>}
      </section>
      <section aria-labelledby="history-heading" className={styles.panel}>
        <h2 id="history-heading">{a.history}</h2>
        <ol className={styles.history}>
          {application.history.map((event, i) => (
            <li key={i}>
              <p>
                {a.event(s.enums.applicationStatus[event.status] ?? event.status, formatDateTime(locale, event.at))} {s.enums.actorRole[event.actorRole] ?? ''}
              </p>
              {event.rejectionReason ? <p>{s.enums.rejectionReason[event.rejectionReason]}</p> : null}
              {event.note ? <p className={styles.quote}>{event.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </SpaceShell>
  );
}
