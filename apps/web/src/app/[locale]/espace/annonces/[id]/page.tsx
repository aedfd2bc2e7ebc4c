import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { offerCommand } from '../../../../actions/employer';
import { SpaceShell, StatusMessage } from '../../../../../components/space/space-shell';
import { UUID, employerPage, ownedOrNotFound } from '../../../../../components/space/space-page';
import styles from '../../../../../components/space/space.module.css';
import { employerMessages } from '../../../../../i18n/employer-messages';
import { formatDate } from '../../../../../i18n/format';
import { isLocale, localePath, type Locale } from '../../../../../i18n/locales';
import { call } from '../../../../../lib/api';
import { offerPath } from '../../../../../lib/offer-search';
import { ManagedOfferQuery } from '../../../../../lib/operations/employer';
import { OccupationQuery } from '../../../../../lib/operations/offers';
import { param, type SearchParams } from '../../../../../lib/page';

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: employerMessages(isLocale(locale) ? locale : 'fr').postings.manage, robots: { index: false } };
}

function Command({ locale, id, command, label, hint, danger }: { locale: Locale; id: string; command: string; label: string; hint?: string; danger?: boolean }) {
  return (
    <form action={offerCommand}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="command" value={command} />
      <button type="submit" className={danger ? styles.dangerButton : styles.button} aria-describedby={hint ? `hint-${command}` : undefined}>
        {label}
      </button>
      {hint ? (
        <p id={`hint-${command}`} className={styles.meta}>
          {hint}
        </p>
      ) : null}
    </form>
  );
}

export default async function ManageOfferPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const { locale, t, e, viewer, organizationId } = await employerPage(params, `/espace/annonces/${id}`);
  const { offer } = await ownedOrNotFound(() => call(ManagedOfferQuery, { id }, { token: viewer.token }));
  if (!offer || offer.organization.id !== organizationId) notFound();
  const { occupation } = await call(OccupationQuery, { code: offer.romeCode });
  const m = e.manage;
  const done = m.done[param((await searchParams).fait)];
  const editable = offer.status === 'DRAFT' || offer.status === 'PUBLISHED';
  return (
    <SpaceShell locale={locale} role={viewer.role} current="postings" exact={false}>
      <h1>{offer.title}</h1>
      <StatusMessage text={done} />
      <p className="lead">{m.lead}</p>
      <section aria-labelledby="facts-heading" className={styles.panel}>
        <h2 id="facts-heading">{m.facts}</h2>
        <dl className={styles.facts}>
          <dt>{m.status}</dt>
          <dd>
            <span className={styles.statusBadge}>{e.status[offer.status] ?? offer.status}</span>
          </dd>
          <dt>{t.offer.contract}</dt>
          <dd>
            {t.enums.contractType[offer.contractType] ?? offer.contractType}
            {offer.hireContract ? ` → ${e.offerForm.hireTypes[offer.hireContract.type] ?? offer.hireContract.type}${offer.hireContract.durationMonths ? ` (${offer.hireContract.durationMonths} ${locale === 'fr' ? 'mois' : 'months'})` : ''}` : ''}
          </dd>
          <dt>{e.offerForm.occupation.replace(' *', '')}</dt>
          <dd>{occupation ? `${occupation.label} (${offer.romeCode})` : offer.romeCode}</dd>
          <dt>{e.offerForm.place.replace(' *', '')}</dt>
          <dd>{[offer.location.city, offer.location.postcode].filter(Boolean).join(' ')}</dd>
          {offer.publishedAt ? (
            <>
              <dt>{m.published}</dt>
              <dd>{formatDate(locale, offer.publishedAt)}</dd>
            </>
          ) : null}
          {offer.expiresAt ? (
            <>
              <dt>{m.expires}</dt>
              <dd>{formatDate(locale, offer.expiresAt)}</dd>
            </>
          ) : null}
          <dt>{m.applications}</dt>
          <dd>{offer.applicationsCount}</dd>
        </dl>
        <p className={styles.actions}>
          <Link href={localePath(locale, offerPath(offer))} className={styles.buttonLink}>
            {offer.status === 'DRAFT' ? m.preview : m.view}
          </Link>
          {editable ? (
            <Link href={localePath(locale, `/espace/annonces/${offer.id}/modifier`)} className={styles.buttonLink}>
              {m.edit}
            </Link>
          ) : null}
          {offer.status === 'DRAFT' ? null : (
            <Link href={localePath(locale, `/espace/annonces/${offer.id}/candidatures`)} className={styles.buttonLink}>
              {m.board}
            </Link>
          )}
          {offer.status === 'PUBLISHED' ? (
            <Link href={localePath(locale, `/espace/annonces/${offer.id}/talents`)} className={styles.buttonLink}>
              {m.matches}
            </Link>
          ) : null}
        </p>
        <div className={styles.actions}>
          {offer.status === 'DRAFT' ? <Command locale={locale} id={offer.id} command="publish" label={m.publish} hint={m.publishHint} /> : null}
          <Command locale={locale} id={offer.id} command="duplicate" label={m.duplicate} />
          {offer.status === 'PUBLISHED' ? <Command locale={locale} id={offer.id} command="close" label={m.close} hint={m.closeHint} danger /> : null}
        </div>
      </section>
      {offer.status === 'DRAFT' ? null : (
        <section aria-labelledby="invitations-heading" className={styles.panel}>
          <h2 id="invitations-heading">{m.invitations}</h2>
          {offer.invitations?.edges.length ? (
            <ul>
              {offer.invitations.edges.map(({ node }) => (
                <li key={node.id}>
                  <Link href={localePath(locale, `/espace/talents/${node.candidate.id}`)}>{node.candidate.displayName ?? m.anonymous}</Link> — {m.invitationStatus[node.status] ?? node.status} (
                  {formatDate(locale, node.createdAt)})
                </li>
              ))}
            </ul>
          ) : (
            <p>{m.noInvitations}</p>
          )}
        </section>
      )}
    </SpaceShell>
  );
}
