import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildRomeMatcher } from '@alternance/programs/domain';
import { foldText, parseCsv } from '@alternance/taxonomy/domain';
import { ContractType, OfferStatus, RemotePolicy } from '@alternance/offers/domain';
import { loadSynonyms } from '@alternance/search/data-access';
import { DOMAIN_STOP_WORDS, IndexableOffer, OFFER_INDEX, OFFER_INDEX_SETTINGS, PUBLIC_AUDIENCE, QUERY_PLACE_RADIUS_KM, offerDocument, offerSearchRequest, queryPlaceSplits } from '@alternance/search/domain';
import { EmbeddedSearchEngine } from '@alternance/search/engine';
import { bigCities, Commune, loadCommunes, seededRandom } from '../../bench/search-engine-corpus';

/**
 * The search evaluation's corpus: the 32,629 real offers of offers/keywords-cache.jsonl.gz
 * indexed as offers: title = the first keyword that is not only words every offer carries
 * ("alternance", "apprentissage"…), description = the other keywords. The corpus names no occupation, so each offer gets the ROME code the product's
 * own title matcher gives its title (as the matching benchmark does), and with it the
 * occupation's labels. Places, publication dates and application counts are drawn from a
 * generator seeded by the offer's id: the same offer gets the same ones on every run.
 */
export const CORPUS_FILE = 'offers/keywords-cache.jsonl.gz';

export interface CorpusOffer {
  /** The first 16 hex digits of the corpus's hashed id `h` (unique in the file). */
  id: string;
  title: string;
  keywords: string[];
  romeCode: string | null;
  romeLabel: string | null;
  commune: string;
  lat: number;
  lng: number;
  publishedAtMs: number;
  applicationCount: number;
}

export interface Occupation {
  code: string;
  label: string;
  jobTitles: string[];
}

/** ROME occupations with their job titles (appellations), from the CSVs as published. */
export function loadOccupations(dataDir: string): Map<string, Occupation> {
  const dir = path.join(dataDir, 'rome');
  const occupations = new Map<string, Occupation>();
  for (const row of parseCsv(readFileSync(path.join(dir, 'referentiel_code_rome.csv'), 'utf8'))) {
    occupations.set(row.code_rome, { code: row.code_rome, label: row.libelle_rome, jobTitles: [] });
  }
  for (const row of parseCsv(readFileSync(path.join(dir, 'referentiel_appellation.csv'), 'utf8'))) {
    occupations.get(row.code_rome)?.jobTitles.push(row.libelle_appellation_long);
  }
  return occupations;
}

function hashSeed(id: string): number {
  return Number.parseInt(id.slice(0, 8), 16) >>> 0;
}

const STOP = new Set(DOMAIN_STOP_WORDS);
const PUBLISHED_FROM_MS = Date.UTC(2025, 5, 1);

/** The corpus's offers as the evaluation indexes them. */
export function loadCorpus(dataDir: string, occupations = loadOccupations(dataDir), communes: Commune[] = loadCommunes(dataDir)): CorpusOffer[] {
  const matcher = buildRomeMatcher([...occupations.values()].flatMap((o) => [{ romeCode: o.code, label: o.label }, ...o.jobTitles.map((label) => ({ romeCode: o.code, label }))]));
  const cities = bigCities(communes);
  const text = gunzipSync(readFileSync(path.join(dataDir, CORPUS_FILE))).toString('utf8');
  const offers: CorpusOffer[] = [];
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const { h, k } = JSON.parse(line) as { h: string; k: string[] };
    if (!Array.isArray(k) || k.length === 0) continue;
    const id = h.slice(0, 16);
    if (seen.has(id)) throw new Error(`two corpus offers share the id ${id}`);
    seen.add(id);
    // Many lists start with "alternance" or "apprentissage": the title is the first keyword saying more.
    const at = Math.max(0, k.findIndex((keyword) => foldText(String(keyword)).split(/[^\p{L}\p{N}]+/u).some((w) => w.length > 1 && !STOP.has(w))));
    const title = String(k[at]).trim();
    const romeCode = matcher.romeCodesFor(title)[0] ?? null;
    const random = seededRandom(hashSeed(h));
    const place = random() < 0.4 ? cities[Math.floor(random() * cities.length)] : communes[Math.floor(random() * communes.length)];
    offers.push({
      id,
      title,
      keywords: k.filter((_, i) => i !== at).map(String),
      romeCode,
      romeLabel: romeCode ? (occupations.get(romeCode)?.label ?? null) : null,
      commune: place.name,
      lat: place.lat,
      lng: place.lng,
      publishedAtMs: PUBLISHED_FROM_MS + Math.floor(random() * 120) * 86_400_000,
      applicationCount: Math.floor(random() * random() * 12),
    });
  }
  return offers;
}

/** The offer as the product would index it (the corpus has no employer, skills or programs). */
export function corpusIndexable(offer: CorpusOffer, occupations: ReadonlyMap<string, Occupation>): IndexableOffer & { occupationLabels: string[] } {
  const occupation = offer.romeCode ? occupations.get(offer.romeCode) : undefined;
  return {
    id: offer.id,
    title: offer.title,
    description: offer.keywords.join(', '),
    organizationId: 'corpus',
    organizationName: '',
    disabilityFriendly: false,
    contractType: ContractType.APPRENTICESHIP,
    remotePolicy: RemotePolicy.ONSITE,
    romeCode: offer.romeCode ?? '',
    occupationLabels: occupation ? [occupation.label, ...occupation.jobTitles] : [],
    skillLabels: [],
    programIds: [],
    programLevels: [],
    country: 'FR',
    lat: offer.lat,
    lng: offer.lng,
    startEarliest: '2026-09-01',
    startLatest: '2026-10-01',
    status: OfferStatus.PUBLISHED,
    publishedAt: new Date(offer.publishedAtMs),
    applicationCount: offer.applicationCount,
  };
}

export interface CorpusIndex {
  engine: EmbeddedSearchEngine;
  offers: Map<string, CorpusOffer>;
  occupations: Map<string, Occupation>;
  communes: Commune[];
  communeNames?: Map<string, Commune>;
}

/** The corpus indexed with the product's offer settings, synonyms and stop words. */
export function buildCorpusIndex(dataDir: string): CorpusIndex {
  const occupations = loadOccupations(dataDir);
  const communes = loadCommunes(dataDir);
  const offers = loadCorpus(dataDir, occupations, communes);
  const engine = new EmbeddedSearchEngine(OFFER_INDEX, { ...OFFER_INDEX_SETTINGS, synonyms: loadSynonyms(dataDir) });
  engine.upsertSync(offers.map((o) => offerDocument(corpusIndexable(o, occupations))));
  return { engine, offers: new Map(offers.map((o) => [o.id, o])), occupations, communes };
}

/**
 * Communes by La Poste name, arrondissements counted as their city ("LYON 03" is LYON); for a
 * name several communes share, the one with the most rows (postcodes, localities), as the
 * product's taxonomy lookup picks it.
 */
export function communesByName(communes: readonly Commune[]): Map<string, Commune> {
  const rows = new Map<string, Commune[]>();
  for (const c of communes) {
    const name = c.name.replace(/ \d+$/, '');
    rows.set(name, [...(rows.get(name) ?? []), c]);
  }
  const best = new Map<string, Commune>();
  for (const [name, list] of rows) {
    // Rows of one name may be different communes: group them by place, keep the biggest group.
    const groups = new Map<string, Commune[]>();
    for (const c of list) {
      const key = /^\D+ \d+$/.test(c.name) ? name : `${c.lat.toFixed(1)},${c.lng.toFixed(1)}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const biggest = [...groups.values()].sort((a, b) => b.length - a.length)[0];
    best.set(name, biggest[0]);
  }
  return best;
}

/**
 * A query as the search service sends it to the index (first page of 20, relevance): a commune
 * at the end of the query becomes a 30 km radius around it, as `searchOffers` does by default.
 */
export function corpusSearch(index: CorpusIndex, text: string, limit = 20): { ids: string[]; totalCount: number; place?: Commune } {
  index.communeNames ??= communesByName(index.communes);
  let query = text;
  let near: { lat: number; lng: number; radiusKm: number } | null = null;
  let place: Commune | undefined;
  for (const split of queryPlaceSplits(text)) {
    place = index.communeNames.get(split.name);
    if (place) {
      query = split.text;
      near = { lat: place.lat, lng: place.lng, radiusKm: QUERY_PLACE_RADIUS_KM };
      break;
    }
  }
  const result = index.engine.searchSync(offerSearchRequest({ query, near, audiences: [PUBLIC_AUDIENCE], sort: 'RELEVANCE', offset: 0, limit, facets: [] }));
  return { ids: result.hits.map((h) => h.id), totalCount: result.totalCount, ...(place ? { place } : {}) };
}
