import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OfferCard } from '../../../../components/offer-card';
import { localePath } from '../../../../i18n/locales';
import { call } from '../../../../lib/api';
import { ProgramPageQuery, SearchOffersQuery } from '../../../../lib/operations/offers';
import { routeLocale } from '../../../../lib/page';
import styles from '../../offres/[slug]/offer.module.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type PageParams = Promise<{ locale: string; id: string }>;

async function load(id: string) {
  if (!UUID.test(id)) notFound();
  const { program } = await call(ProgramPageQuery, { id });
  if (!program) notFound();
  return program;
}

export async function generateMetadata({ params }: { params: PageParams }): Promise<Metadata> {
  const { locale, id } = await params;
  const program = await load(id);
  const path = `/formations/${program.id}`;
  return { title: program.title, alternates: { canonical: localePath(locale === 'en' ? 'en' : 'fr', path), languages: { fr: path, en: `/en${path}` } } };
}

export default async function ProgramPage({ params }: { params: PageParams }) {
  const { locale, t } = await routeLocale(params);
  const program = await load((await params).id);
  const { searchOffers } = await call(SearchOffersQuery, { input: { first: 12, filters: { programIds: [program.id] }, sort: 'NEWEST' } });
  return (
    <div className={styles.page}>
      <h1>{program.title}</h1>
      <dl className={styles.facts}>
        {program.level ? (
          <div>
            <dt>{t.program.level}</dt>
            <dd>{t.enums.level(program.level)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.program.duration}</dt>
          <dd>{t.program.months(program.durationMonths)}</dd>
        </div>
        <div>
          <dt>{t.program.rhythm}</dt>
          <dd>
            {t.program.daysPerWeek(program.trainingDaysPerWeek)}, {t.program.hours(program.trainingHours)}
          </dd>
        </div>
        {program.rncpCode ? (
          <div>
            <dt>{t.offer.rncp}</dt>
            <dd>{program.rncpCode}</dd>
          </div>
        ) : null}
      </dl>
      {program.poeEligible ? <p>{t.program.poeEligible}</p> : null}
      {program.romeCodes.length ? (
        <section aria-labelledby="occupations-heading">
          <h2 id="occupations-heading">{t.program.occupations}</h2>
          <ul>
            {program.romeCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {program.competencyBlocks.length ? (
        <section aria-labelledby="blocks-heading">
          <h2 id="blocks-heading">{t.offer.blocks}</h2>
          <ol>
            {program.competencyBlocks.map((b) => (
              <li key={b.code}>
                {b.title}
                {b.skills.length ? (
                  <ul>
                    {b.skills.slice(0, 8).map((s) => (
                      <li key={s.code}>{s.label}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section aria-labelledby="program-offers-heading">
        <h2 id="program-offers-heading">{t.program.openOffers}</h2>
        {searchOffers.totalCount > searchOffers.edges.length ? (
          <p>
            <Link href={localePath(locale, `/offres?formation=${program.id}`)}>{t.search.results(String(searchOffers.totalCount))}</Link>
          </p>
        ) : null}
        {searchOffers.edges.length ? (
          <ul className={styles.similarList}>
            {searchOffers.edges.map((e) => (
              <li key={e.node.id}>
                <OfferCard locale={locale} offer={e.node} headingLevel={3} />
              </li>
            ))}
          </ul>
        ) : (
          <p>
            {t.offer.noOtherOffers} <Link href={localePath(locale, '/offres')}>{t.layout.offers}</Link>
          </p>
        )}
      </section>
    </div>
  );
}
