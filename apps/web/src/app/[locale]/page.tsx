import Link from 'next/link';
import type { Metadata } from 'next';
import { SearchForm } from '../../components/search-form';
import { localePath } from '../../i18n/locales';
import { POPULAR_CITIES } from '../../lib/cities';
import { routeLocale } from '../../lib/page';
import styles from './home.module.css';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await routeLocale(params);
  return {
    title: { absolute: t.meta.homeTitle },
    alternates: { canonical: localePath((await params).locale === 'en' ? 'en' : 'fr', '/'), languages: { fr: '/', en: '/en' } },
    openGraph: { title: t.meta.homeTitle, description: t.meta.homeDescription },
  };
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await routeLocale(params);
  return (
    <>
      <section className={styles.hero} aria-labelledby="home-heading">
        <h1 id="home-heading">{t.home.heading}</h1>
        <p className={styles.lead}>{t.home.lead}</p>
        <SearchForm locale={locale} t={t} />
      </section>
      <div className={styles.columns}>
        <section aria-labelledby="popular-occupations">
          <h2 id="popular-occupations">{t.home.popularOccupations}</h2>
          <ul className={styles.chips}>
            {t.home.occupations.map((o) => (
              <li key={o.query}>
                <Link href={localePath(locale, `/offres?q=${encodeURIComponent(o.query)}`)}>{o.label}</Link>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="popular-cities">
          <h2 id="popular-cities">{t.home.popularCities}</h2>
          <ul className={styles.chips}>
            {POPULAR_CITIES.map((c) => (
              <li key={c.name}>
                <Link href={localePath(locale, `/offres?lieu=${encodeURIComponent(c.place)}`)}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <div className={styles.columns}>
        <section aria-labelledby="what-apprenticeship">
          <h2 id="what-apprenticeship">{t.home.whatIsApprenticeship}</h2>
          <p>{t.home.apprenticeship}</p>
        </section>
        <section aria-labelledby="what-poe">
          <h2 id="what-poe">{t.home.whatIsPoe}</h2>
          <p>{t.home.poe}</p>
        </section>
      </div>
      <p className={styles.employers}>
        <Link href={localePath(locale, '/inscription?role=employeur')}>{t.home.forEmployers}</Link>
      </p>
    </>
  );
}
