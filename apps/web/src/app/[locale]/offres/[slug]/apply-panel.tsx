import Link from 'next/link';
import { formatNumber } from '../../../../i18n/format';
import { localePath, type Locale } from '../../../../i18n/locales';
import { messages } from '../../../../i18n/messages';
import { call } from '../../../../lib/api';
import { offerPath } from '../../../../lib/offer-search';
import { MyApplicationForOfferQuery, MyProfileIdQuery, OfferMatchQuery } from '../../../../lib/operations/applying';
import type { Viewer } from '../../../../lib/session';
import styles from './offer.module.css';

const SCORE_COMPONENTS = new Set(['REQUIRED_SKILLS', 'NICE_TO_HAVE_SKILLS', 'OCCUPATION_FIT', 'PROGRAM_FIT', 'TRAINING_GAP', 'DISTANCE', 'START_DATE', 'REMOTE_PREFERENCE']);

/** Where a signed-in candidate stands: the score, its reasons, and eligibility in words. */
async function CandidateMatch({ locale, offerId, viewer }: { locale: Locale; offerId: string; viewer: Viewer }) {
  const t = messages(locale);
  const { myCandidateProfile } = await call(MyProfileIdQuery, {}, { token: viewer.token });
  if (!myCandidateProfile) {
    return (
      <p>
        <Link href={localePath(locale, '/espace/profil')}>{t.offer.noProfile}</Link>
      </p>
    );
  }
  const { matchOfferForCandidate: match } = await call(OfferMatchQuery, { candidateId: myCandidateProfile.id, offerId }, { token: viewer.token });
  if (!match) return null;
  // The API lists failed legal rules first, then one reason per score component.
  const failed = match.reasons.filter((r) => !SCORE_COMPONENTS.has(r.code));
  const parts = match.reasons.filter((r) => SCORE_COMPONENTS.has(r.code));
  const label = (r: { label: string; labelFr: string }) => (locale === 'fr' ? r.labelFr : r.label);
  return (
    <section aria-labelledby="match-heading" className={styles.match}>
      <h2 id="match-heading">{t.offer.yourMatch}</h2>
      <p className={styles.score}>{t.offer.score(formatNumber(locale, match.score))}</p>
      {match.eligible ? (
        <p>{t.offer.eligible}</p>
      ) : (
        <>
          <p>{t.offer.notEligible}</p>
          <ul>
            {failed.map((r) => (
              <li key={r.code}>{label(r)}</li>
            ))}
          </ul>
        </>
      )}
      {parts.length ? (
        <ul className={styles.reasons}>
          {parts.map((r) => (
            <li key={r.code}>
              {label(r)} <span className={styles.points}>({t.offer.points(formatNumber(locale, r.contribution, 1))})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** An offer from a partner feed: candidates apply on the partner's page, or by mail. */
function PartnerApply({ locale, partner }: { locale: Locale; partner: { url: string | null; email: string | null } }) {
  const t = messages(locale);
  return (
    <div className={styles.apply}>
      <p>{t.offer.partnerIntro}</p>
      {partner.url ? (
        <p>
          <a className={styles.applyButton} href={partner.url} rel="nofollow noopener noreferrer external">
            {t.offer.partnerApply} <span className={styles.external}>{t.offer.partnerApplyNote}</span>
          </a>
        </p>
      ) : null}
      {partner.email ? (
        <p>
          <a href={`mailto:${partner.email}`}>{t.offer.partnerWrite(partner.email)}</a>
        </p>
      ) : null}
    </div>
  );
}

/** The Apply action: a link to the application form (or the partner's page), or what stands in its way. */
export async function ApplyPanel({
  locale,
  offer,
  viewer,
}: {
  locale: Locale;
  offer: { id: string; title: string; partnerApplication: { url: string | null; email: string | null } | null };
  viewer: Viewer | null;
}) {
  const t = messages(locale);
  if (offer.partnerApplication) {
    return (
      <>
        <PartnerApply locale={locale} partner={offer.partnerApplication} />
        {viewer?.role === 'CANDIDATE' ? <CandidateMatch locale={locale} offerId={offer.id} viewer={viewer} /> : null}
      </>
    );
  }
  const applyPath = localePath(locale, `${offerPath(offer)}/postuler`);
  if (!viewer) {
    return (
      <div className={styles.apply}>
        <p>
          <Link className={styles.applyButton} href={localePath(locale, `/connexion?suite=${encodeURIComponent(applyPath)}`)}>
            {t.offer.signInToApply}
          </Link>
        </p>
        <p>
          <Link href={localePath(locale, `/inscription?suite=${encodeURIComponent(applyPath)}`)}>{t.offer.signUpToApply}</Link>
        </p>
      </div>
    );
  }
  if (viewer.role !== 'CANDIDATE') {
    return (
      <div className={styles.apply}>
        <p>{t.offer.employerCannotApply}</p>
      </div>
    );
  }
  const { myApplications } = await call(MyApplicationForOfferQuery, {}, { token: viewer.token });
  const existing = myApplications.edges.find((e) => e.node.offer.id === offer.id)?.node;
  return (
    <div className={styles.apply}>
      {existing ? (
        <>
          <p>{t.offer.alreadyApplied}</p>
          <p>
            <Link href={localePath(locale, `/espace/candidatures/${existing.id}`)}>{t.offer.seeApplication}</Link>
          </p>
        </>
      ) : (
        <p>
          <Link className={styles.applyButton} href={applyPath}>
            {t.offer.apply}
          </Link>
        </p>
      )}
      <CandidateMatch locale={locale} offerId={offer.id} viewer={viewer} />
    </div>
  );
}
