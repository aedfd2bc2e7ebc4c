import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CandidateFacts } from '../../../../../components/employer/candidate-facts';
import { InviteForm } from '../../../../../components/employer/invite-form';
import { SpaceShell, StatusMessage } from '../../../../../components/space/space-shell';
import { UUID, employerPage, ownedOrNotFound } from '../../../../../components/space/space-page';
import styles from '../../../../../components/space/space.module.css';
import { employerMessages } from '../../../../../i18n/employer-messages';
import { isLocale } from '../../../../../i18n/locales';
import { call } from '../../../../../lib/api';
import { TalentQuery } from '../../../../../lib/operations/employer';
import { param, type SearchParams } from '../../../../../lib/page';

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: employerMessages(isLocale(locale) ? locale : 'fr').candidate.title, robots: { index: false } };
}

export default async function TalentPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const { locale, s, e, viewer, organizationId } = await employerPage(params, `/espace/talents/${id}`);
  const { candidate, organization } = await ownedOrNotFound(() => call(TalentQuery, { id, organizationId }, { token: viewer.token }));
  // HIDDEN profiles (and unknown ids) do not exist for employers.
  if (!candidate) notFound();
  const c = e.candidate;
  const query = await searchParams;
  const offers = (organization?.offers ?? []).filter((o) => o.status === 'PUBLISHED');
  return (
    <SpaceShell locale={locale} role={viewer.role} current="talents" exact={false}>
      <h1>{candidate.displayName ?? e.talents.anonymous}</h1>
      <StatusMessage text={param(query.fait) === 'invitee' ? c.sent : undefined} />
      <section aria-labelledby="profile-heading" className={styles.panel}>
        <h2 id="profile-heading">{c.title}</h2>
        <CandidateFacts locale={locale} e={e} s={s} candidate={candidate} />
      </section>
      <section aria-labelledby="invite-heading" className={styles.panel}>
        <h2 id="invite-heading">{c.invite}</h2>
        <p>{c.inviteLead}</p>
        {offers.length ? (
          <InviteForm
            locale={locale}
            labels={{ errorSummary: s.common.errorSummary, offer: c.offer, message: c.message, messageHint: c.messageHint, send: c.send }}
            candidateId={candidate.id}
            offers={offers.map((o) => ({ value: o.id, label: o.title }))}
            initialOffer={UUID.test(param(query.offre)) ? param(query.offre) : undefined}
          />
        ) : (
          <p>{c.noOffer}</p>
        )}
      </section>
    </SpaceShell>
  );
}
