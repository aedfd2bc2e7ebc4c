import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OfferCard } from '../../../../components/offer-card';
import { localePath } from '../../../../i18n/locales';
import { call } from '../../../../lib/api';
import { OrganizationPageQuery } from '../../../../lib/operations/offers';
import { routeLocale } from '../../../../lib/page';
import styles from '../../offres/[slug]/offer.module.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type PageParams = Promise<{ locale: string; id: string }>;

async function load(id: string) {
  if (!UUID.test(id)) notFound();
  const { organization } = await call(OrganizationPageQuery, { id });
  if (!organization) notFound();
  return organization;
}

export async function generateMetadata({ params }: { params: PageParams }): Promise<Metadata> {
  const { locale, id } = await params;
  const organization = await load(id);
  const path = `/employeurs/${organization.id}`;
  return { title: organization.name, alternates: { canonical: localePath(locale === 'en' ? 'en' : 'fr', path), languages: { fr: path, en: `/en${path}` } } };
}

export default async function EmployerPage({ params }: { params: PageParams }) {
  const { locale, t } = await routeLocale(params);
  const organization = await load((await params).id);
  const open = organization.offers.filter((o) => o.status === 'PUBLISHED');
  return (
    <div className={styles.page}>
      <h1>{organization.name}</h1>
      <dl className={styles.facts}>
        {organization.siret ? (
          <div>
            <dt>SIRET</dt>
            <dd>{t.offer.verifiedSiret(organization.siret)}</dd>
          </div>
        ) : null}
        {organization.sector ? (
          <div>
            <dt>{t.offer.sector}</dt>
            <dd>{organization.sector}</dd>
          </div>
        ) : null}
        {organization.size ? (
          <div>
            <dt>{t.offer.size}</dt>
            <dd>{t.enums.orgSize[organization.size]}</dd>
          </div>
        ) : null}
      </dl>
      {organization.accessibility.disabilityReferent || organization.accessibility.accommodations ? (
        <section aria-labelledby="accessibility-heading">
          <h2 id="accessibility-heading">{t.badges.disabilityFriendly}</h2>
          {organization.accessibility.disabilityReferent ? <p>{t.offer.referent}</p> : null}
          {organization.accessibility.accommodations ? (
            <>
              <h3>{t.offer.accommodations}</h3>
              <p>{organization.accessibility.accommodations}</p>
            </>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="offers-heading">
        <h2 id="offers-heading">{t.offer.otherOffers}</h2>
        {open.length ? (
          <ul className={styles.similarList}>
            {open.map((o) => (
              <li key={o.id}>
                <OfferCard locale={locale} offer={o} headingLevel={3} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t.offer.noOtherOffers}</p>
        )}
      </section>
    </div>
  );
}
