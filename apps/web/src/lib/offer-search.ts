/**
 * The search page's state lives in its URL: this turns query parameters into the API's
 * `searchOffers` input and back. Unknown parameters and bad values are dropped, never an error.
 */

export const CONTRACT_TYPES = ['APPRENTICESHIP', 'PROFESSIONALISATION', 'POEI', 'POEC'] as const;
export const REMOTE_POLICIES = ['ONSITE', 'HYBRID', 'REMOTE'] as const;
export const SORTS = ['RELEVANCE', 'NEWEST', 'DISTANCE', 'START_DATE'] as const;
export const RADII = [5, 10, 20, 30, 50, 100, 200] as const;
export const DEFAULT_RADIUS = 30;
export const PAGE_SIZE = 20;

export type ContractType = (typeof CONTRACT_TYPES)[number];
export type RemotePolicy = (typeof REMOTE_POLICIES)[number];
export type Sort = (typeof SORTS)[number];

export interface SearchState {
  q: string;
  /** The place as typed or chosen ("Lyon (69001)"). */
  place: string;
  lat: number | null;
  lng: number | null;
  radius: number;
  contracts: ContractType[];
  remote: RemotePolicy[];
  startAfter: string;
  startBefore: string;
  disabilityFriendly: boolean;
  /** ROME occupation codes (M1805…), and whether their neighbouring occupations count too. */
  occupations: string[];
  neighbours: boolean;
  /** Training path ids. */
  programs: string[];
  sort: Sort;
  after: string;
  page: number;
}

type Query = Record<string, string | string[] | undefined>;

function all(query: Query, key: string): string[] {
  const value = query[key];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function one(query: Query, key: string): string {
  return all(query, key)[0] ?? '';
}

function oneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
function day(value: string): string {
  if (!DAY.test(value)) return '';
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : '';
}

function coordinate(value: string, limit: number): number | null {
  if (!/^-?\d{1,3}(\.\d{1,8})?$/.test(value)) return null;
  const n = Number(value);
  return Math.abs(n) <= limit ? n : null;
}

export function parseSearch(query: Query): SearchState {
  const radius = Number(one(query, 'rayon'));
  const lat = coordinate(one(query, 'lat'), 90);
  const lng = coordinate(one(query, 'lng'), 180);
  const sort = one(query, 'tri').toUpperCase();
  const page = Number(one(query, 'page'));
  const after = one(query, 'apres');
  return {
    q: one(query, 'q').slice(0, 200),
    place: one(query, 'lieu').slice(0, 120),
    lat: lat !== null && lng !== null ? lat : null,
    lng: lat !== null && lng !== null ? lng : null,
    radius: oneOf(RADII.map(String), String(radius)) ? radius : DEFAULT_RADIUS,
    contracts: unique(all(query, 'contrat').map((v) => v.toUpperCase()).filter((v): v is ContractType => oneOf(CONTRACT_TYPES, v))),
    remote: unique(all(query, 'teletravail').map((v) => v.toUpperCase()).filter((v): v is RemotePolicy => oneOf(REMOTE_POLICIES, v))),
    startAfter: day(one(query, 'debut_apres')),
    startBefore: day(one(query, 'debut_avant')),
    disabilityFriendly: one(query, 'handi') === '1',
    occupations: unique(all(query, 'metier').map((v) => v.toUpperCase()).filter((v) => /^[A-N]\d{4}$/.test(v))).slice(0, 10),
    neighbours: one(query, 'voisins') === '1',
    programs: unique(all(query, 'formation').map((v) => v.toLowerCase()).filter((v) => UUID.test(v))).slice(0, 10),
    sort: oneOf(SORTS, sort) ? sort : 'RELEVANCE',
    after: /^[A-Za-z0-9_-]{1,64}$/.test(after) ? after : '',
    page: after && Number.isInteger(page) && page > 1 && page < 10_000 ? page : 1,
  };
}

/** A postcode typed in the place field ("69001", or "Lyon 69001"). */
export function postcodeIn(place: string): string | null {
  return /\b(\d{5})\b/.exec(place)?.[1] ?? null;
}

export interface Point {
  lat: number;
  lng: number;
}

/** The `searchOffers` input for a state; `point` is where the place was found, if it was. */
export function searchInput(state: SearchState, point: Point | null) {
  const near = point ? { lat: point.lat, lng: point.lng, radiusKm: state.radius } : undefined;
  const sort = state.sort === 'DISTANCE' && !near ? 'RELEVANCE' : state.sort;
  return {
    query: state.q || undefined,
    first: PAGE_SIZE,
    after: state.after || undefined,
    sort,
    facets: ['CONTRACT_TYPE', 'REMOTE_POLICY'] as ('CONTRACT_TYPE' | 'REMOTE_POLICY')[],
    filters: {
      contractTypes: state.contracts.length ? state.contracts : undefined,
      remotePolicies: state.remote.length ? state.remote : undefined,
      startAfter: state.startAfter || undefined,
      startBefore: state.startBefore || undefined,
      disabilityFriendly: state.disabilityFriendly || undefined,
      romeCodes: state.occupations.length ? state.occupations : undefined,
      includeNeighbouringOccupations: state.occupations.length && state.neighbours ? true : undefined,
      programIds: state.programs.length ? state.programs : undefined,
      near,
    },
  };
}

/** The URL query of a state (paging dropped unless kept), in a stable order. */
export function searchQuery(state: SearchState, keepPage = false): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.place) p.set('lieu', state.place);
  if (state.place && state.lat !== null && state.lng !== null) {
    p.set('lat', String(state.lat));
    p.set('lng', String(state.lng));
  }
  if (state.place && state.radius !== DEFAULT_RADIUS) p.set('rayon', String(state.radius));
  for (const c of state.contracts) p.append('contrat', c);
  for (const r of state.remote) p.append('teletravail', r);
  if (state.startAfter) p.set('debut_apres', state.startAfter);
  if (state.startBefore) p.set('debut_avant', state.startBefore);
  if (state.disabilityFriendly) p.set('handi', '1');
  for (const o of state.occupations) p.append('metier', o);
  if (state.occupations.length && state.neighbours) p.set('voisins', '1');
  for (const f of state.programs) p.append('formation', f);
  if (state.sort !== 'RELEVANCE') p.set('tri', state.sort);
  if (keepPage && state.after) {
    p.set('apres', state.after);
    p.set('page', String(state.page));
  }
  const text = p.toString();
  return text ? `?${text}` : '';
}

export function withChange(state: SearchState, change: Partial<SearchState>): SearchState {
  return { ...state, after: '', page: 1, ...change };
}

export function toggle<T>(values: T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

/** Whether any filter (not the words or the place) narrows the search. */
export function hasFilters(state: SearchState): boolean {
  return Boolean(state.contracts.length || state.remote.length || state.startAfter || state.startBefore || state.disabilityFriendly || state.occupations.length || state.programs.length);
}

/** A URL slug for an offer's page: `/offres/<id>-<slug>`. */
export function slugify(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

export function offerPath(offer: { id: string; title: string }): string {
  const slug = slugify(offer.title);
  return `/offres/${offer.id}${slug ? `-${slug}` : ''}`;
}

/** The offer id at the start of an `/offres/<id>-<slug>` segment. */
export function offerIdFromSegment(segment: string): string | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:-|$)/i.exec(segment);
  return match ? match[1]!.toLowerCase() : null;
}

/** A query string as the page receives it (repeated keys kept as arrays). */
export function queryRecord(queryString: string): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(queryString.replace(/^\?/, ''))) {
    const existing = record[key];
    record[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return record;
}
