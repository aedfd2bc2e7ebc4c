import { parseSearch, queryRecord, searchQuery } from '../../lib/offer-search';

/**
 * A saved search, read back from the `searchOffers` input the API keeps (JSON, read defensively:
 * anything unexpected is dropped), to describe it and to open it on the job board.
 */
export interface SavedCriteria {
  q: string;
  contracts: string[];
  remote: string[];
  near: { radiusKm: number; postcode: string | null } | null;
  startAfter: string;
  startBefore: string;
  disabilityFriendly: boolean;
  occupations: string[];
  programs: number;
  /** The job board's query string for it (`?q=…`), as its search page reads it. */
  query: string;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `placeLabel` names a place the API kept as coordinates only (it keeps no name for it). */
export function savedCriteria(search: unknown, placeLabel: string): SavedCriteria {
  const input = record(search);
  const filters = record(input.filters);
  const near = record(filters.near);
  const lat = num(near.lat);
  const lng = num(near.lng);
  const postcode = /^\d{5}$/.test(str(near.postcode)) ? str(near.postcode) : null;
  const radiusKm = num(near.radiusKm);
  const hasNear = radiusKm !== null && ((lat !== null && lng !== null) || postcode !== null);
  const criteria = {
    q: str(input.query).slice(0, 200),
    contracts: strings(filters.contractTypes),
    remote: strings(filters.remotePolicies),
    near: hasNear ? { radiusKm: radiusKm!, postcode } : null,
    startAfter: DAY.test(str(filters.startAfter)) ? str(filters.startAfter) : '',
    startBefore: DAY.test(str(filters.startBefore)) ? str(filters.startBefore) : '',
    disabilityFriendly: filters.disabilityFriendly === true,
    occupations: strings(filters.romeCodes),
    programs: strings(filters.programIds).length,
  };
  // Written with the search page's own parameter names, then read and written back by it, so
  // whatever it does not know is dropped and the rest is in its order.
  const p = new URLSearchParams();
  if (criteria.q) p.set('q', criteria.q);
  if (hasNear) {
    p.set('lieu', postcode ?? placeLabel);
    if (!postcode) {
      p.set('lat', String(lat));
      p.set('lng', String(lng));
    }
    p.set('rayon', String(radiusKm));
  }
  for (const c of criteria.contracts) p.append('contrat', c);
  for (const r of criteria.remote) p.append('teletravail', r);
  if (criteria.startAfter) p.set('debut_apres', criteria.startAfter);
  if (criteria.startBefore) p.set('debut_avant', criteria.startBefore);
  if (criteria.disabilityFriendly) p.set('handi', '1');
  for (const o of criteria.occupations) p.append('metier', o);
  if (filters.includeNeighbouringOccupations === true) p.set('voisins', '1');
  for (const f of strings(filters.programIds)) p.append('formation', f);
  if (str(input.sort)) p.set('tri', str(input.sort));
  return { ...criteria, query: searchQuery(parseSearch(queryRecord(p.toString()))) };
}
