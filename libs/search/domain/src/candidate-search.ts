import { EducationLevel, RemotePreference, Visibility } from '@alternance/candidates/domain';
import { romeDomain } from '@alternance/taxonomy/domain';
import { epochDay } from './offer-search';
import { Filter, IndexSettings, SearchDocument, SearchRequest } from './search-model';
import { DOMAIN_STOP_WORDS } from './stop-words';

export const CANDIDATE_INDEX = 'candidates';

export const CANDIDATE_FACETS = ['remotePreference', 'romeDomains', 'educationLevel'] as const;
export type CandidateFacet = (typeof CANDIDATE_FACETS)[number];

export const CANDIDATE_INDEX_SETTINGS: Omit<IndexSettings, 'synonyms'> = {
  searchable: ['headline', 'skills', 'displayName'],
  filterable: ['skillCodes', 'desiredRomeCodes', 'romeDomains', 'programIds', 'remotePreference', 'educationLevel', 'visibility'],
  numeric: ['availableFromDay', 'updatedAtMs'],
  geo: { lat: 'lat', lng: 'lng' },
  stopWords: DOMAIN_STOP_WORDS,
};

/**
 * What the marketplace may know of a candidate. Private fields (birth date, job seeker,
 * disability, gender) are not part of this type, so they cannot reach the index.
 */
export interface IndexableCandidate {
  id: string;
  displayName: string;
  headline: string | null;
  skills: { code: string; label: string }[];
  desiredRomeCodes: string[];
  programIds: string[];
  lat: number | null;
  lng: number | null;
  remotePreference: RemotePreference;
  availableFrom: string | null;
  educationLevel: EducationLevel | null;
  visibility: Visibility;
  updatedAt: Date;
}

/** HIDDEN profiles are never in the marketplace index. */
export function isIndexableCandidate(c: Pick<IndexableCandidate, 'visibility'>): boolean {
  return c.visibility === Visibility.PUBLIC || c.visibility === Visibility.ANONYMOUS;
}

export function candidateDocument(c: IndexableCandidate): SearchDocument {
  if (!isIndexableCandidate(c)) throw new Error('hidden candidates are not indexed');
  return {
    id: c.id,
    // An anonymous candidate's name is not in the index at all, so no query can match it.
    displayName: c.visibility === Visibility.PUBLIC ? c.displayName : null,
    headline: c.headline,
    skills: c.skills.map((s) => s.label).join(' · '),
    skillCodes: c.skills.map((s) => s.code),
    desiredRomeCodes: c.desiredRomeCodes,
    romeDomains: [...new Set(c.desiredRomeCodes.map(romeDomain))],
    programIds: c.programIds,
    remotePreference: c.remotePreference,
    educationLevel: c.educationLevel,
    visibility: c.visibility,
    lat: c.lat,
    lng: c.lng,
    availableFromDay: c.availableFrom ? epochDay(c.availableFrom) : 0,
    updatedAtMs: c.updatedAt.getTime(),
  };
}

export type CandidateSort = 'RELEVANCE' | 'RECENTLY_UPDATED' | 'DISTANCE' | 'AVAILABILITY';

export interface CandidateSearchParams {
  query?: string | null;
  /** Candidates having every one of these skills. */
  skillCodes?: string[] | null;
  romeCodes?: string[] | null;
  programIds?: string[] | null;
  /** Available on or before this date. */
  availableBy?: string | null;
  near?: { lat: number; lng: number; radiusKm: number } | null;
  remotePreferences?: RemotePreference[] | null;
  sort: CandidateSort;
  offset: number;
  limit: number;
  facets: CandidateFacet[];
}

export function candidateSearchRequest(p: CandidateSearchParams): SearchRequest {
  const filters: Filter[] = [{ kind: 'in', field: 'visibility', values: [Visibility.PUBLIC, Visibility.ANONYMOUS] }];
  for (const code of p.skillCodes ?? []) filters.push({ kind: 'in', field: 'skillCodes', values: [code] });
  if (p.romeCodes?.length) filters.push({ kind: 'in', field: 'desiredRomeCodes', values: [...p.romeCodes] });
  if (p.programIds?.length) filters.push({ kind: 'in', field: 'programIds', values: [...p.programIds] });
  if (p.remotePreferences?.length) {
    // A candidate open to anything fits every remote preference asked for.
    filters.push({ kind: 'in', field: 'remotePreference', values: [...new Set([...p.remotePreferences, RemotePreference.ANY])] });
  }
  if (p.availableBy) filters.push({ kind: 'range', field: 'availableFromDay', lte: epochDay(p.availableBy) });
  if (p.near) filters.push({ kind: 'geo', lat: p.near.lat, lng: p.near.lng, radiusKm: p.near.radiusKm });
  const sort =
    p.sort === 'RECENTLY_UPDATED'
      ? ({ kind: 'field', field: 'updatedAtMs', direction: 'desc' } as const)
      : p.sort === 'AVAILABILITY'
        ? ({ kind: 'field', field: 'availableFromDay', direction: 'asc' } as const)
        : p.sort === 'DISTANCE' && p.near
          ? ({ kind: 'distance', lat: p.near.lat, lng: p.near.lng } as const)
          : ({ kind: 'relevance' } as const);
  return { text: p.query?.trim() || undefined, filters, sort, offset: p.offset, limit: p.limit, facets: [...p.facets] };
}
