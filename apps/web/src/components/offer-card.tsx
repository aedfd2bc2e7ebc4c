import Link from 'next/link';
import { formatDate, formatKm, formatMoney } from '../i18n/format';
import { localePath, type Locale } from '../i18n/locales';
import { messages, type Messages } from '../i18n/messages';
import { offerPath } from '../lib/offer-search';
import { Snippet } from './snippet';
import styles from './offer-card.module.css';

export interface CardOffer {
  id: string;
  title: string;
  contractType: string;
  remotePolicy: string;
  publishedAt?: string | null;
  startDate: { earliest: string; latest: string };
  location: { city?: string | null; postcode?: string | null };
  salary?: { min?: number | null; max?: number | null; currency: string; period: string } | null;
  organization: { id: string; name: string; accessibility: { disabilityReferent: boolean } };
}

export function salaryText(locale: Locale, t: Messages, salary: CardOffer['salary']): string | null {
  if (!salary || (salary.min == null && salary.max == null)) return null;
  const period = t.enums.salaryPeriod[salary.period] ?? '';
  const money = (n: number) => formatMoney(locale, n, salary.currency);
  if (salary.min != null && salary.max != null && salary.max !== salary.min) return t.offer.salaryRange(money(salary.min), money(salary.max), period);
  if (salary.min != null) return t.offer.salaryFrom(money(salary.min), period);
  return t.offer.salaryUpTo(money(salary.max!), period);
}

export function Badges({ offer, t }: { offer: Pick<CardOffer, 'contractType' | 'remotePolicy' | 'organization'>; t: Messages }) {
  const badges: { key: string; label: string }[] = [];
  if (offer.contractType === 'POEI') badges.push({ key: 'poe', label: t.badges.poe });
  if (offer.organization.accessibility.disabilityReferent) badges.push({ key: 'handi', label: t.badges.disabilityFriendly });
  if (offer.remotePolicy === 'REMOTE') badges.push({ key: 'remote', label: t.badges.remote });
  if (offer.remotePolicy === 'HYBRID') badges.push({ key: 'hybrid', label: t.badges.hybrid });
  if (!badges.length) return null;
  return (
    <ul className={styles.badges}>
      {badges.map((b) => (
        <li key={b.key} className={styles[`badge-${b.key}`] ?? styles.badge}>
          {b.label}
        </li>
      ))}
    </ul>
  );
}

interface OfferCardProps {
  locale: Locale;
  offer: CardOffer;
  highlights?: readonly { field: string; snippet: string }[];
  distanceKm?: number | null;
  headingLevel?: 2 | 3;
}

export function OfferCard({ locale, offer, highlights = [], distanceKm, headingLevel = 2 }: OfferCardProps) {
  const t = messages(locale);
  const title = highlights.find((h) => h.field === 'title');
  const other = highlights.find((h) => h.field !== 'title');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const place = [offer.location.city, offer.location.postcode ? `(${offer.location.postcode})` : null].filter(Boolean).join(' ');
  const salary = salaryText(locale, t, offer.salary);
  return (
    <article className={styles.card}>
      <Heading className={styles.title}>
        <Link href={localePath(locale, offerPath(offer))}>{title ? <Snippet html={title.snippet} /> : offer.title}</Link>
      </Heading>
      <p className={styles.employer}>{offer.organization.name}</p>
      <ul className={styles.facts}>
        <li>{t.enums.contractType[offer.contractType] ?? offer.contractType}</li>
        {place ? (
          <li>
            {place}
            {distanceKm != null ? ` · ${t.search.distance(formatKm(locale, distanceKm))}` : ''}
          </li>
        ) : null}
        <li>{t.search.starts(formatDate(locale, offer.startDate.earliest), formatDate(locale, offer.startDate.latest))}</li>
        {salary ? <li>{salary}</li> : null}
      </ul>
      <Badges offer={offer} t={t} />
      {other ? (
        <p className={styles.snippet}>
          <span className="visually-hidden">{t.search.matchIn(t.search.fields[other.field] ?? other.field)}</span>
          <Snippet html={other.snippet} />
        </p>
      ) : null}
    </article>
  );
}
