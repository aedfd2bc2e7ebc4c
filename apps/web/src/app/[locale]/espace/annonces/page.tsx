import type { Metadata } from 'next';
import Link from 'next/link';
import { SpaceShell } from '../../../../components/space/space-shell';
import { employerPage } from '../../../../components/space/space-page';
import styles from '../../../../components/space/space.module.css';
import { employerMessages } from '../../../../i18n/employer-messages';
import { formatDate } from '../../../../i18n/format';
import { isLocale, localePath } from '../../../../i18n/locales';
import { call } from '../../../../lib/api';
import { MyOrganizationQuery } from '../../../../lib/operations/employer';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: employerMessages(isLocale(locale) ? locale : 'fr').postings.title, robots: { index: false } };
}

export default async function PostingsPage({ params }: { params: Params }) {
  const { locale, t, e, viewer, organizationId } = await employerPage(params, '/espace/annonces');
  const { organization } = await call(MyOrganizationQuery, { id: organizationId }, { token: viewer.token });
  const offers = organization?.offers ?? [];
  const p = e.postings;
  const now = Date.now();
  return (
    <SpaceShell locale={locale} role={viewer.role} current="postings">
      <h1>{p.title}</h1>
      <p className="lead">{p.lead}</p>
      <p>
        <Link href={localePath(locale, '/espace/annonces/nouvelle')} className={styles.primaryLink}>
          {p.create}
        </Link>
      </p>
      {offers.length ? (
        <ul className={styles.list}>
          {offers.map((offer) => (
            <li key={offer.id} className={styles.item}>
              <h2>
                <Link href={localePath(locale, `/espace/annonces/${offer.id}`)}>{offer.title}</Link>
              </h2>
              <p>
                <span className={styles.statusBadge}>{e.status[offer.status] ?? offer.status}</span> · {t.enums.contractType[offer.contractType] ?? offer.contractType}
              </p>
              <p className={styles.meta}>
                {p.created(formatDate(locale, offer.createdAt))}
                {offer.expiresAt ? ` · ${Date.parse(offer.expiresAt) < now ? p.expired(formatDate(locale, offer.expiresAt)) : p.expires(formatDate(locale, offer.expiresAt))}` : ''}
              </p>
              <p className={styles.actions}>
                {offer.status === 'DRAFT' ? null : (
                  <Link href={localePath(locale, `/espace/annonces/${offer.id}/candidatures`)} className={styles.buttonLink}>
                    {p.board} ({p.applications(offer.applicationsCount)})<span className="visually-hidden"> {e.application.offer} {offer.title}</span>
                  </Link>
                )}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{p.none}</p>
      )}
    </SpaceShell>
  );
}
