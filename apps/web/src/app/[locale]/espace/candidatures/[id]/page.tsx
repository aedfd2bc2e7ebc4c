import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { withdrawApplication } from '../../../../actions/space';
import { SpaceShell, StatusMessage } from '../../../../../components/space/space-shell';
import { candidatePage, UUID } from '../../../../../components/space/space-page';
import styles from '../../../../../components/space/space.module.css';
import { formatDate, formatDateTime } from '../../../../../i18n/format';
import { isLocale, localePath } from '../../../../../i18n/locales';
import { spaceMessages } from '../../../../../i18n/space-messages';
import { call } from '../../../../../lib/api';
import { offerPath } from '../../../../../lib/offer-search';
import { ApplicationQuery } from '../../../../../lib/operations/space';
import { param, type SearchParams } from '../../../../../lib/page';

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: spaceMessages(isLocale(locale) ? locale : 'fr').applications.title, robots: { index: false } };
}

export default async function ApplicationPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  const { locale, s, viewer } = await candidatePage(params, `/espace/candidatures/${encodeURIComponent(id)}`);
  if (!UUID.test(id)) notFound();
  const query = await searchParams;
  // The API answers null to anyone but the application's candidate (and its employer and staff).
  const { application } = await call(ApplicationQuery, { id }, { token: viewer.token });
  if (!application) notFound();
  const a = s.application;
  const e = s.enums;
  const here = localePath(locale, `/espace/candidatures/${application.id}`);
  const done = { candidature: a.submittedDone, invitation: a.invitationDone, retiree: a.withdrawnDone, change: s.common.changedMeanwhile }[param(query.fait)];
  const canWithdraw = application.allowedMoves.includes('WITHDRAWN');
  const confirming = canWithdraw && param(query.confirmer) === '1';
  const offerOnline = application.offer.status === 'PUBLISHED';
  return (
    <SpaceShell locale={locale} role={viewer.role} current="applications" exact={false}>
      <p>
        <Link href={localePath(locale, '/espace/candidatures')}>{a.back}</Link>
      </p>
      <h1>{a.title(application.offer.title)}</h1>
      <StatusMessage text={done} />
      <dl className={styles.facts}>
        <div>
          <dt>{a.offer}</dt>
          <dd>
            <Link href={localePath(locale, offerPath(application.offer))}>{application.offer.title}</Link>
            {offerOnline ? null : <> ({a.offerClosed})</>}
          </dd>
        </div>
        <div>
          <dt>{a.employer}</dt>
          <dd>
            <Link href={localePath(locale, `/employeurs/${application.offer.organization.id}`)}>{application.offer.organization.name}</Link>
          </dd>
        </div>
        <div>
          <dt>{a.status}</dt>
          <dd>
            <span className={styles.statusBadge}>{e.applicationStatus[application.status] ?? application.status}</span>
            <br />
            {e.applicationStatusHelp[application.status]}
          </dd>
        </div>
        <div>
          <dt>{a.sent}</dt>
          <dd>{formatDate(locale, application.createdAt)}</dd>
        </div>
        {application.rejectionReason ? (
          <div>
            <dt>{a.reason}</dt>
            <dd>{e.rejectionReason[application.rejectionReason] ?? application.rejectionReason}</dd>
          </div>
        ) : null}
      </dl>

      {confirming ? (
        <section aria-labelledby="withdraw-heading" className={styles.confirm} id="retirer">
          <h2 id="withdraw-heading">{a.confirmTitle}</h2>
          <p>{a.confirmText}</p>
          <div className={styles.actions}>
            <form action={withdrawApplication}>
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="id" value={application.id} />
              <button type="submit" className={styles.dangerButton}>
                {a.confirm}
              </button>
            </form>
            <Link href={here} className={styles.buttonLink}>
              {s.common.cancel}
            </Link>
          </div>
        </section>
      ) : null}

      {application.answers.length ? (
        <>
          <h2>{a.answers}</h2>
          <dl>
            {application.answers.map((answer, i) => (
              <div key={i}>
                <dt>
                  <strong>{answer.question}</strong>
                </dt>
                <dd className={styles.text}>{answer.answer}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}

      <h2>{a.message}</h2>
      {application.message ? <p className={styles.text}>{application.message}</p> : <p>{a.noMessage}</p>}

      <h2>{a.history}</h2>
      <ol className={styles.history}>
        {application.history.map((event, i) => (
          <li key={i}>
            <p>
              <strong>{e.applicationStatus[event.status] ?? event.status}</strong> · <time dateTime={event.at}>{formatDateTime(locale, event.at)}</time>
              {e.actorRole[event.actorRole] ? <> · {e.actorRole[event.actorRole]}</> : null}
            </p>
            {event.rejectionReason ? <p>{e.rejectionReason[event.rejectionReason] ?? event.rejectionReason}</p> : null}
            {event.note ? (
              <p className={styles.text}>
                {a.noteFrom} {event.note}
              </p>
            ) : null}
          </li>
        ))}
      </ol>

      {canWithdraw && !confirming ? (
        <section aria-labelledby="withdraw-heading" className={styles.panel}>
          <h2 id="withdraw-heading">{a.withdraw}</h2>
          <p>{a.withdrawLead}</p>
          <p>
            <Link href={`${here}?confirmer=1#retirer`} className={styles.buttonLink}>
              {a.withdraw}
            </Link>
          </p>
        </section>
      ) : null}
    </SpaceShell>
  );
}
