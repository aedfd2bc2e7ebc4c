import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { cache } from 'react';
import { Badges, OfferCard, salaryText } from '../../../../components/offer-card';
import { formatDate } from '../../../../i18n/format';
import { localePath, type Locale } from '../../../../i18n/locales';
import type { Messages } from '../../../../i18n/messages';
import { call } from '../../../../lib/api';
import { jobPosting } from '../../../../lib/job-posting';
import { offerIdFromSegment, offerPath } from '../../../../lib/offer-search';
import { OccupationQuery, OfferPageQuery, SearchOffersQuery } from '../../../../lib/operations/offers';
import { routeLocale } from '../../../../lib/page';
import { currentViewer } from '../../../../lib/session';
import { publicOrigin } from '../../../../lib/site';
import type { ResultOf } from '../../../../lib/graphql';
import { isGone } from '../../../../lib/offer-status';
import { JsonLd } from '../../../../components/json-ld';
import { ApplyPanel } from './apply-panel';
import { employerMessages } from '../../../../i18n/employer-messages';
import styles from './offer.module.css';

type Offer = NonNullable<ResultOf<typeof OfferPageQuery>['offer']>;
type PageParams = Promise<{ locale: string; slug: string }>;

/** Once per request: the page and its metadata both need the offer. */
const load = cache(async (slug: string, token: string | undefined): Promise<Offer> => {
  const id = offerIdFromSegment(slug);
  if (!id) notFound();
  const { offer } = await call(OfferPageQuery, { id }, { token });
  // The API shows a draft to its organization and staff only: for them, this page is its preview.
  if (!offer || (offer.status === 'DRAFT' && !token)) notFound();
  return offer;
});

export async function generateMetadata({ params }: { params: PageParams }): Promise<Metadata> {
  const { locale, slug } = await params;
  const viewer = await currentViewer().catch(() => null);
  const offer = await load(slug, viewer?.token);
  const path = offerPath(offer);
  const description = offer.description.replace(/\s+/g, ' ').slice(0, 200);
  return {
    title: `${offer.title} — ${offer.organization.name}`,
    description,
    alternates: { canonical: localePath(locale === 'en' ? 'en' : 'fr', path), languages: { fr: path, en: `/en${path}` } },
    openGraph: { title: offer.title, description, type: 'article' },
    robots: offer.status === 'DRAFT' ? { index: false, follow: false } : isGone(offer) ? { index: false, follow: true } : undefined,
  };
}

async function similarOffers(offer: Offer, token: string | undefined) {
  const { searchOffers } = await call(
    SearchOffersQuery,
    {
      input: {
        first: 5,
        filters: { romeCodes: [offer.romeCode], includeNeighbouringOccupations: true, near: { lat: offer.location.lat, lng: offer.location.lng, radiusKm: 100 } },
        sort: 'DISTANCE',
      },
    },
    { token },
  );
  return searchOffers.edges.filter((e) => e.node.id !== offer.id).slice(0, 4);
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

function PoeSection({ offer, t }: { offer: Offer; t: Messages }) {
  if (offer.contractType !== 'POEI' && offer.contractType !== 'POEC') return null;
  const hours = offer.programs.map((p) => p.trainingHours).filter((h) => h > 0);
  return (
    <section aria-labelledby="poe-heading" className={styles.poe}>
      <h2 id="poe-heading">{t.offer.poeTitle}</h2>
      {offer.contractType === 'POEI' ? (
        <>
          <p>{t.offer.poeIndividual(hours.length ? Math.max(...hours) : null)}</p>
          {offer.hireContract ? <p>{t.offer.poePromise(t.enums.hireContract[offer.hireContract.type] ?? offer.hireContract.type, offer.hireContract.durationMonths ?? null)}</p> : null}
        </>
      ) : (
        <p>{t.offer.poeCollective}</p>
      )}
    </section>
  );
}

function Facts({ offer, t, locale }: { offer: Offer; t: Messages; locale: Locale }) {
  const salary = salaryText(locale, t, offer.salary) ?? t.offer.salaryUnknown;
  const place = [offer.location.city, offer.location.postcode ? `(${offer.location.postcode})` : null].filter(Boolean).join(' ');
  return (
    <dl className={styles.facts}>
      <div>
        <dt>{t.offer.contract}</dt>
        <dd>{t.enums.contractType[offer.contractType]}</dd>
      </div>
      <div>
        <dt>{t.offer.where}</dt>
        <dd>{place}</dd>
      </div>
      <div>
        <dt>{t.offer.start}</dt>
        <dd>{t.offer.startBetween(formatDate(locale, offer.startDate.earliest), formatDate(locale, offer.startDate.latest))}</dd>
      </div>
      <div>
        <dt>{t.offer.salary}</dt>
        <dd>{salary}</dd>
      </div>
      <div>
        <dt>{t.offer.remote}</dt>
        <dd>{t.enums.remotePolicy[offer.remotePolicy]}</dd>
      </div>
      {offer.diploma ? (
        <div>
          <dt>{t.offer.diploma}</dt>
          <dd>{offer.diploma}</dd>
        </div>
      ) : null}
      {/* Applications to a partner's offer are made on the partner's side: none are counted here. */}
      {offer.partnerApplication ? null : (
        <div>
          <dt>{t.offer.positions(offer.positions)}</dt>
          <dd>{t.offer.applicants(offer.applicationsCount)}</dd>
        </div>
      )}
      {offer.publishedAt ? (
        <div>
          <dt>{t.offer.published}</dt>
          <dd>{formatDate(locale, offer.publishedAt)}</dd>
        </div>
      ) : null}
      {offer.expiresAt ? (
        <div>
          <dt>{t.offer.expires}</dt>
          <dd>{formatDate(locale, offer.expiresAt)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export default async function OfferPage({ params }: { params: PageParams }) {
  const { locale, t } = await routeLocale(params);
  const { slug } = await params;
  const viewer = await currentViewer().catch(() => null);
  const offer = await load(slug, viewer?.token);
  const canonical = offerPath(offer);
  if (`/offres/${slug}` !== canonical) permanentRedirect(localePath(locale, canonical));
  const gone = isGone(offer);
  const draft = offer.status === 'DRAFT';
  const [similar, occupation, origin] = await Promise.all([
    similarOffers(offer, viewer?.token),
    call(OccupationQuery, { code: offer.romeCode }).then((r) => r.occupation),
    publicOrigin(),
  ]);
  return (
    <div className={styles.page}>
      {gone || draft ? null : <JsonLd data={jobPosting(offer, origin, localePath(locale, canonical))} />}
      {draft ? (
        <div className={styles.preview} role="status">
          <p>
            <strong>{employerMessages(locale).preview.title}</strong> {employerMessages(locale).preview.text}
          </p>
          <p>
            <Link href={localePath(locale, `/espace/annonces/${offer.id}`)}>{employerMessages(locale).preview.back}</Link>
          </p>
        </div>
      ) : null}
      {gone ? (
        <div className={styles.gone} role="status">
          <h1>{t.offer.gone}</h1>
          <p>{t.offer.goneLead}</p>
          <p className={styles.goneTitle}>
            {offer.title} — {offer.organization.name}
          </p>
        </div>
      ) : (
        <>
          <header className={styles.header}>
            <h1>{offer.title}</h1>
            <p className={styles.employer}>
              <Link href={localePath(locale, `/employeurs/${offer.organization.id}`)}>{offer.organization.name}</Link>
            </p>
            <Badges offer={offer} t={t} />
          </header>
          <div className={styles.layout}>
            <aside className={styles.side} aria-label={t.offer.apply}>
              {draft ? <p>{employerMessages(locale).preview.noApply}</p> : <ApplyPanel locale={locale} offer={offer} viewer={viewer} />}
            </aside>
            <div className={styles.main}>
              <Facts offer={offer} t={t} locale={locale} />
              <section aria-labelledby="description-heading">
                <h2 id="description-heading">{t.offer.description}</h2>
                <Paragraphs text={offer.description} />
              </section>
              <PoeSection offer={offer} t={t} />
              <section aria-labelledby="skills-heading">
                <h2 id="skills-heading">{t.offer.skills}</h2>
                {occupation ? (
                  <p>
                    {t.offer.occupation} : {occupation.label} ({occupation.code})
                  </p>
                ) : null}
                {offer.skills.length ? (
                  <ul>
                    {offer.skills.map((s) => (
                      <li key={s.skill.code}>
                        {s.skill.label} — {t.enums.skillLevel[s.level] ?? s.level}, {s.required ? t.offer.required : t.offer.niceToHave}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>{t.offer.noSkills}</p>
                )}
              </section>
              {offer.programs.length ? (
                <section aria-labelledby="programs-heading">
                  <h2 id="programs-heading">{t.offer.programs}</h2>
                  <ul className={styles.programs}>
                    {offer.programs.map((p) => (
                      <li key={p.id}>
                        <h3>
                          <Link href={localePath(locale, `/formations/${p.id}`)}>{p.title}</Link>
                        </h3>
                        <p>
                          {p.level ? `${t.enums.level(p.level)} · ` : ''}
                          {t.offer.programFacts(p.durationMonths, p.trainingDaysPerWeek, p.trainingHours)}
                          {p.rncpCode ? ` · ${t.offer.rncp} ${p.rncpCode}` : ''}
                        </p>
                        {p.competencyBlocks.length ? (
                          <details>
                            <summary>{t.offer.blocks}</summary>
                            <ul>
                              {p.competencyBlocks.map((b) => (
                                <li key={b.code}>{b.title}</li>
                              ))}
                            </ul>
                          </details>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              {offer.screeningQuestions.length ? (
                <section aria-labelledby="questions-heading">
                  <h2 id="questions-heading">{t.offer.questions}</h2>
                  <p>{t.offer.questionsLead}</p>
                  <ol>
                    {offer.screeningQuestions.map((q, i) => (
                      <li key={i}>{q}</li>
                    ))}
                  </ol>
                </section>
              ) : null}
            </div>
          </div>
        </>
      )}
      {similar.length ? (
        <section aria-labelledby="similar-heading" className={styles.similar}>
          <h2 id="similar-heading">{t.offer.similar}</h2>
          <ul className={styles.similarList}>
            {similar.map((e) => (
              <li key={e.node.id}>
                <OfferCard locale={locale} offer={e.node} distanceKm={e.distanceKm} headingLevel={3} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
