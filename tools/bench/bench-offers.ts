import { Country } from '@alternance/platform/domain';
import { ContractType, OfferStatus, RemotePolicy } from '@alternance/offers/domain';
import type { IndexableOffer, SearchDocument } from '@alternance/search/domain';

/** The generated corpus (search-engine-corpus.ts) in the product's own model, as the search and load benchmarks index it. */
export const uuid = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
export const ORG_ID = '00000000-0000-4000-8000-ffffffffffff';
export const CONTRACTS: Record<string, ContractType> = { APPRENTISSAGE: ContractType.APPRENTICESHIP, PROFESSIONNALISATION: ContractType.PROFESSIONALISATION };
export const REMOTE: Record<string, RemotePolicy> = { ON_SITE: RemotePolicy.ONSITE, HYBRID: RemotePolicy.HYBRID, REMOTE: RemotePolicy.REMOTE };
export const day = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

/** One generated document as an offer, its start window moved `shiftDays` ahead. */
export function toIndexableOffer(raw: SearchDocument, i: number, shiftDays = 0): IndexableOffer {
  const start = (raw.startEarliestDay as number) + shiftDays;
  return {
    id: uuid(i),
    title: String(raw.title).slice(0, 200),
    description: String(raw.description),
    organizationId: ORG_ID,
    organizationName: String(raw.organizationName),
    disabilityFriendly: Boolean(raw.disabilityFriendly),
    contractType: CONTRACTS[String(raw.contractType)],
    remotePolicy: REMOTE[String(raw.remotePolicy)],
    romeCode: String(raw.romeCode),
    skillLabels: [],
    programIds: [],
    programLevels: [],
    country: Country.FR,
    lat: raw.lat as number,
    lng: raw.lng as number,
    startEarliest: day(start),
    startLatest: day(start + 60),
    status: OfferStatus.PUBLISHED,
    publishedAt: new Date(raw.publishedAtMs as number),
  };
}
