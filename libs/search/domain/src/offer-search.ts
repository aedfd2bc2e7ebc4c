import { ContractType, OfferStatus, RemotePolicy } from '@alternance/offers/domain';
import { foldText, romeDomain } from '@alternance/taxonomy/domain';
import { Filter, IndexSettings, SearchDocument, SearchRequest, Sort } from './search-model';
import { DOMAIN_STOP_WORDS } from './stop-words';

export const OFFER_INDEX = 'offers';

/** Everyone can see published offers; a draft only its organization (and staff, who see all). */
export const PUBLIC_AUDIENCE = 'public';
export const organizationAudience = (organizationId: string) => `org:${organizationId}`;

export const OFFER_FACETS = ['contractType', 'remotePolicy', 'levels', 'romeDomain'] as const;
export type OfferFacet = (typeof OFFER_FACETS)[number];

/**
 * The title first, then the occupation's own labels (its ROME name and job titles, La bonne
 * alternance's strongest signal), the skills, the employer, the description. Hits tying on
 * every relevance rule go to the offers with fewer applications (fair exposure), then the newest.
 */
export const OFFER_INDEX_SETTINGS: Omit<IndexSettings, 'synonyms'> = {
  searchable: ['title', 'occupation', 'skills', 'organizationName', 'description'],
  filterable: ['contractType', 'remotePolicy', 'romeCode', 'romeDomain', 'programIds', 'levels', 'country', 'disabilityFriendly', 'audience', 'organizationId'],
  numeric: ['startEarliestDay', 'startLatestDay', 'publishedAtMs', 'applicationCount'],
  geo: { lat: 'lat', lng: 'lng' },
  tieBreak: [
    { field: 'applicationCount', direction: 'asc' },
    { field: 'publishedAtMs', direction: 'desc' },
  ],
  stopWords: DOMAIN_STOP_WORDS,
};

/** What the index needs to know of an offer, read from the database by the relay. */
export interface IndexableOffer {
  id: string;
  title: string;
  description: string;
  organizationId: string;
  organizationName: string;
  disabilityFriendly: boolean;
  contractType: ContractType;
  remotePolicy: RemotePolicy;
  romeCode: string;
  /** The occupation's ROME name and job titles (empty when the code is unknown). */
  occupationLabels?: string[];
  skillLabels: string[];
  programIds: string[];
  programLevels: number[];
  country: string;
  lat: number;
  lng: number;
  startEarliest: string;
  startLatest: string;
  status: OfferStatus;
  publishedAt: Date | null;
  /** Applications received and not withdrawn, when known (fair-exposure tie-break). */
  applicationCount?: number;
}

export function epochDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** Published and draft offers are searchable (drafts by their organization); closed or filled ones leave the index. */
export function isIndexableOffer(offer: Pick<IndexableOffer, 'status'>): boolean {
  return offer.status === OfferStatus.PUBLISHED || offer.status === OfferStatus.DRAFT;
}

export function offerDocument(o: IndexableOffer): SearchDocument {
  return {
    id: o.id,
    title: o.title,
    description: o.description,
    organizationName: o.organizationName,
    occupation: occupationText(o.occupationLabels ?? []),
    skills: o.skillLabels.join(' · '),
    organizationId: o.organizationId,
    audience: o.status === OfferStatus.PUBLISHED ? PUBLIC_AUDIENCE : organizationAudience(o.organizationId),
    contractType: o.contractType,
    remotePolicy: o.remotePolicy,
    romeCode: o.romeCode,
    romeDomain: romeDomain(o.romeCode),
    programIds: o.programIds,
    levels: [...new Set(o.programLevels)].map(String),
    country: o.country,
    disabilityFriendly: o.disabilityFriendly,
    lat: o.lat,
    lng: o.lng,
    startEarliestDay: epochDay(o.startEarliest),
    startLatestDay: epochDay(o.startLatest),
    publishedAtMs: o.publishedAt ? o.publishedAt.getTime() : 0,
    applicationCount: o.applicationCount ?? 0,
  };
}

/**
 * The occupation's labels as indexed: each word once, in the order it first appears ("Boulanger /
 * Boulangère · Ouvrier boulanger / Ouvrière boulangère" → "Boulanger Boulangère Ouvrier
 * Ouvrière"). An occupation has 47 label words on average (739 at most) but 18 distinct ones: a
 * word matches the same either way, and every offer of the occupation carries the field.
 */
export function occupationText(labels: readonly string[]): string {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const label of labels) {
    for (const word of label.split(/[^\p{L}\p{N}]+/u)) {
      const key = foldText(word);
      if (word.length === 0 || seen.has(key)) continue;
      seen.add(key);
      words.push(word);
    }
  }
  return words.join(' ');
}

export type OfferSort = 'RELEVANCE' | 'NEWEST' | 'DISTANCE' | 'START_DATE';

export interface OfferSearchParams {
  query?: string | null;
  contractTypes?: ContractType[] | null;
  /** Already expanded with neighbouring occupations when the client asked for them. */
  romeCodes?: string[] | null;
  programIds?: string[] | null;
  remotePolicies?: RemotePolicy[] | null;
  near?: { lat: number; lng: number; radiusKm: number } | null;
  /** Offers whose start window overlaps [startAfter, startBefore]. */
  startAfter?: string | null;
  startBefore?: string | null;
  country?: string | null;
  disabilityFriendly?: boolean | null;
  /** Only offers published at or after this instant (epoch ms). */
  publishedFromMs?: number | null;
  /** Audiences the viewer belongs to; null for staff, who see every indexed offer. */
  audiences: string[] | null;
  sort: OfferSort;
  offset: number;
  limit: number;
  facets: OfferFacet[];
}

/** Turns the typed search input into the port's request: no user text ever becomes syntax. */
export function offerSearchRequest(p: OfferSearchParams): SearchRequest {
  const filters: Filter[] = [];
  const inFilter = (field: string, values: readonly (string | boolean)[] | null | undefined) => {
    if (values?.length) filters.push({ kind: 'in', field, values: [...values] });
  };
  if (p.audiences) inFilter('audience', p.audiences);
  inFilter('contractType', p.contractTypes);
  inFilter('romeCode', p.romeCodes);
  inFilter('programIds', p.programIds);
  inFilter('remotePolicy', p.remotePolicies);
  if (p.country) inFilter('country', [p.country]);
  if (p.disabilityFriendly) inFilter('disabilityFriendly', [true]);
  if (p.startBefore) filters.push({ kind: 'range', field: 'startEarliestDay', lte: epochDay(p.startBefore) });
  if (p.startAfter) filters.push({ kind: 'range', field: 'startLatestDay', gte: epochDay(p.startAfter) });
  if (p.publishedFromMs != null) filters.push({ kind: 'range', field: 'publishedAtMs', gte: p.publishedFromMs });
  if (p.near) filters.push({ kind: 'geo', lat: p.near.lat, lng: p.near.lng, radiusKm: p.near.radiusKm });
  return { text: p.query?.trim() || undefined, filters, sort: offerSort(p), offset: p.offset, limit: p.limit, facets: [...p.facets] };
}

function offerSort(p: OfferSearchParams): Sort {
  switch (p.sort) {
    case 'NEWEST':
      return { kind: 'field', field: 'publishedAtMs', direction: 'desc' };
    case 'START_DATE':
      return { kind: 'field', field: 'startEarliestDay', direction: 'asc' };
    case 'DISTANCE':
      if (!p.near) throw new Error('DISTANCE sort needs a point');
      return { kind: 'distance', lat: p.near.lat, lng: p.near.lng };
    default:
      return { kind: 'relevance' };
  }
}
