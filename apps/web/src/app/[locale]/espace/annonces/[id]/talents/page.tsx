import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import employerStyles from '../../../../../../components/employer/employer.module.css';
import { SpaceShell } from '../../../../../../components/space/space-shell';
import { UUID, employerPage, ownedOrNotFound } from '../../../../../../components/space/space-page';
import styles from '../../../../../../components/space/space.module.css';
import { employerMessages } from '../../../../../../i18n/employer-messages';
import { formatDate, formatNumber } from '../../../../../../i18n/format';
import { isLocale, localePath } from '../../../../../../i18n/locales';
import { call } from '../../../../../../lib/api';
import { BestCandidatesQuery } from '../../../../../../lib/operations/employer';

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: employerMessages(isLocale(locale) ? locale : 'fr').manage.matches, robots: { index: false } };
}

export default async function BestCandidatesPage({ params }: { params: Params }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const { locale, e, viewer, organizationId } = await employerPage(params, `/espace/annonces/${id}/talents`);
  const { offer, matchCandidatesForOffer: matches } = await ownedOrNotFound(() => call(BestCandidatesQuery, { offerId: id }, { token: viewer.token }));
  if (!offer || offer.organization.id !== organizationId) notFound();
  const tl = e.talents;
  return (
    <SpaceShell locale={locale} role={viewer.role} current="postings" exact={false}>
      <h1>{tl.bestFor(offer.title)}</h1>
      <p className="lead">{tl.bestLead}</p>
      {matches.length ? (
        <ol className={styles.list}>
          {matches.map((m) => (
            <li key={m.candidate.id} className={styles.item}>
              <h2>
                <Link href={localePath(locale, `/espace/talents/${m.candidate.id}?offre=${offer.id}`)}>{m.candidate.displayName ?? tl.anonymous}</Link>
              </h2>
              {m.candidate.headline ? <p>{m.candidate.headline}</p> : null}
              <p className={employerStyles.score}>{tl.score(formatNumber(locale, m.score))}</p>
              <p className={styles.meta}>
                {[[m.candidate.location?.city, m.candidate.location?.postcode].filter(Boolean).join(' '), m.candidate.availableFrom ? tl.available(formatDate(locale, m.candidate.availableFrom)) : tl.availableNow]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p className={styles.whyTitle}>{tl.why}</p>
              <ul className={employerStyles.reasons}>
                {m.reasons
                  .filter((r) => r.contribution > 0)
                  .map((r) => (
                    <li key={r.code}>{locale === 'fr' ? r.labelFr : r.label}</li>
                  ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : (
        <p>{tl.noMatches}</p>
      )}
    </SpaceShell>
  );
}
