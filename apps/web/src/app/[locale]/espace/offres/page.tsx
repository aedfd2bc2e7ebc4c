import type { Metadata } from 'next';
import Link from 'next/link';
import { OfferCard } from '../../../../components/offer-card';
import { SpaceShell, SECTION_PATHS } from '../../../../components/space/space-shell';
import { candidatePage } from '../../../../components/space/space-page';
import spaceStyles from '../../../../components/space/space.module.css';
import { formatNumber } from '../../../../i18n/format';
import { isLocale, localePath } from '../../../../i18n/locales';
import { spaceMessages } from '../../../../i18n/space-messages';
import { call } from '../../../../lib/api';
import { MatchedOffersQuery, MyProfileQuery } from '../../../../lib/operations/space';
import styles from './matches.module.css';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: spaceMessages(isLocale(locale) ? locale : 'fr').matches.title, robots: { index: false } };
}

export default async function MatchesPage({ params }: { params: Params }) {
  const { locale, s, viewer } = await candidatePage(params, '/espace/offres');
  const m = s.matches;
  const { myCandidateProfile: profile } = await call(MyProfileQuery, {}, { token: viewer.token });
  const matches = profile ? (await call(MatchedOffersQuery, { candidateId: profile.id }, { token: viewer.token })).matchOffersForCandidate : [];
  const label = (r: { label: string; labelFr: string }) => (locale === 'fr' ? r.labelFr : r.label);
  return (
    <SpaceShell locale={locale} role={viewer.role} current="offers">
      <h1>{m.title}</h1>
      {!profile ? (
        <>
          <p>{m.noProfile}</p>
          <p>
            <Link href={localePath(locale, SECTION_PATHS.profile)} className={spaceStyles.primaryLink}>
              {m.createProfile}
            </Link>
          </p>
        </>
      ) : !matches.length ? (
        <>
          <p>{m.none}</p>
          <p>
            <Link href={localePath(locale, SECTION_PATHS.profile)}>{m.improve}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{m.lead}</p>
          <ol className={styles.matches}>
            {matches.map((match) => (
              <li key={match.offer.id} className={styles.match}>
                <OfferCard locale={locale} offer={match.offer} />
                <div className={styles.why}>
                  <p className={styles.score}>{m.score(formatNumber(locale, Math.round(match.score)))}</p>
                  <p className={styles.whyTitle}>{m.why}</p>
                  <ul className={styles.reasons}>
                    {match.reasons.map((r) => (
                      <li key={r.code}>
                        {label(r)} <span className={styles.points}>(+{m.points(formatNumber(locale, r.contribution, 1))})</span>
                      </li>
                    ))}
                  </ul>
                  {match.trainingGap ? (
                    <div className={styles.gap}>
                      {match.trainingGap.skills.length ? (
                        <>
                          <p className={styles.whyTitle}>{m.gapTitle}</p>
                          <ul>
                            {match.trainingGap.skills.map((k) => (
                              <li key={k.code}>{k.label ?? k.code}</li>
                            ))}
                          </ul>
                        </>
                      ) : (
                        <p>{m.gapNone}</p>
                      )}
                      {match.trainingGap.coveredBy.length ? (
                        <>
                          <p className={styles.whyTitle}>{m.gapCoveredBy}</p>
                          <ul>
                            {match.trainingGap.coveredBy.map((g) => (
                              <li key={g.id}>
                                <Link href={localePath(locale, `/formations/${g.id}`)}>{g.title ?? g.id}</Link> ({m.gapHours(formatNumber(locale, g.trainingHours))})
                              </li>
                            ))}
                          </ul>
                        </>
                      ) : null}
                    </div>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </SpaceShell>
  );
}
