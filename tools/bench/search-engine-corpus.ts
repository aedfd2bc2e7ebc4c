import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { foldText } from '@alternance/taxonomy/domain';
import type { Filter, IndexSettings, SearchDocument, SearchRequest, Sort } from '@alternance/search/domain';

/**
 * The benchmark's corpus and queries, from the real data of ../shared/data: offers' keyword
 * lists, La Poste communes for coordinates, labonnealternance's synonym groups. Everything
 * random is drawn from one seeded generator, so two runs index and query the same things.
 */

/** The repository root, whether this runs from tools/ or from its build in dist/tools/. */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'nx.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Same convention as the catalogue import: CATALOGUE_DIR, relative to the repository root. */
export function defaultDataDir(): string {
  return path.resolve(repoRoot(), process.env.CATALOGUE_DIR || '../shared/data');
}

/** Words every offer carries, plus French function words: they match everything and rank nothing. */
export const BENCH_STOP_WORDS = [
  'alternance', 'alternant', 'alternante', 'apprentissage', 'apprenti', 'apprentie', 'contrat', 'contrats',
  'professionnalisation', 'h/f', 'f/h', 'hf', 'fh', 'le', 'la', 'les', 'de', 'des', 'du', 'un', 'une', 'et', 'en',
  'au', 'aux', 'pour', 'par', 'sur', 'avec', 'dans', 'ou',
];

export const FACETS = ['contractType', 'remotePolicy', 'romeDomain'];

/** Mulberry32: small, fast, good enough to make a benchmark reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function weighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [item, weight] of items) {
    r -= weight;
    if (r < 0) return item;
  }
  return items[items.length - 1][0];
}

export interface Commune {
  name: string;
  lat: number;
  lng: number;
}

/** La Poste's base as published: `;`-separated, GPS as one "lat, lng" column, sometimes empty. */
export function loadCommunes(dataDir: string): Commune[] {
  const lines = readFileSync(path.join(dataDir, 'communes/laposte_hexasmal.csv'), 'utf8').split(/\r?\n/);
  const header = lines[0].split(';');
  const nameAt = header.indexOf('Nom_commune');
  const gpsAt = header.indexOf('coordonnees_gps');
  const communes: Commune[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(';');
    const [lat, lng] = (cells[gpsAt] ?? '').split(',').map((v) => Number.parseFloat(v));
    if (Number.isFinite(lat) && Number.isFinite(lng)) communes.push({ name: cells[nameAt], lat, lng });
  }
  return communes;
}

/** Keyword lists of the real offers (`{h, k}` per line, gzip). */
export function loadOfferKeywords(dataDir: string): string[][] {
  const text = gunzipSync(readFileSync(path.join(dataDir, 'offers/keywords-cache.jsonl.gz'))).toString('utf8');
  const offers: string[][] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const { k } = JSON.parse(line) as { h: string; k: string[] };
    if (Array.isArray(k) && k.length > 0) offers.push(k.map(String));
  }
  return offers;
}

export function loadSynonyms(dataDir: string): string[][] {
  const groups = JSON.parse(readFileSync(path.join(dataDir, 'search/synonyms.json'), 'utf8')) as { mappingType: string; synonyms: string[] }[];
  return groups.map((g) => g.synonyms).filter((s) => Array.isArray(s) && s.length > 1);
}

export function benchSettings(synonyms: string[][]): IndexSettings {
  return {
    searchable: ['title', 'description', 'organizationName'],
    filterable: ['contractType', 'remotePolicy', 'romeCode', 'romeDomain', 'country', 'disabilityFriendly'],
    numeric: ['startEarliestDay', 'publishedAtMs'],
    geo: { lat: 'lat', lng: 'lng' },
    synonyms,
    stopWords: BENCH_STOP_WORDS,
  };
}

const CITY_NAMES = ['PARIS', 'MARSEILLE', 'LYON', 'TOULOUSE', 'NICE', 'NANTES', 'STRASBOURG', 'MONTPELLIER', 'BORDEAUX', 'LILLE', 'RENNES', 'REIMS', 'GRENOBLE', 'DIJON', 'ANGERS'];
const ROME_DOMAINS: [string, number][] = [
  ['M', 30], ['D', 15], ['H', 10], ['I', 10], ['K', 8], ['F', 7], ['G', 6], ['J', 5], ['N', 4], ['C', 2], ['E', 1.5], ['A', 1], ['B', 0.5], ['L', 0.5],
];
const ORGANIZATION_KINDS = ['Groupe', 'Cabinet', 'Atelier', 'Maison', 'Société', 'Agence', 'Entreprise', 'Clinique', 'Garage', 'Laboratoire', 'Boulangerie', 'Transports'];
/** 2025-09-01 as an epoch day: start dates spread around the school year. */
const SCHOOL_YEAR_DAY = 20332;
const PUBLISHED_FROM_MS = Date.UTC(2025, 5, 1);

export interface City extends Commune {
  weight: number;
}

/** Big cities (first commune row of each name, e.g. "PARIS 01"), where most offers are. */
export function bigCities(communes: Commune[]): City[] {
  return CITY_NAMES.map((name, i) => {
    const commune = communes.find((c) => c.name === name || c.name.startsWith(`${name} `));
    return commune ? { ...commune, weight: CITY_NAMES.length - i } : undefined;
  }).filter((c): c is City => c !== undefined);
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** `count` offer documents resampled from the real keyword lists, on real communes. */
export function generateOffers(keywords: string[][], communes: Commune[], count: number, seed: number): SearchDocument[] {
  const random = seededRandom(seed);
  const cities = bigCities(communes);
  const cityWeights = cities.map((c) => [c, c.weight] as const);
  const docs: SearchDocument[] = [];
  for (let i = 0; i < count; i++) {
    const k = keywords[Math.floor(random() * keywords.length)];
    const place = random() < 0.4 && cities.length > 0 ? weighted(random, cityWeights) : pick(random, communes);
    const domain = weighted(random, ROME_DOMAINS);
    docs.push({
      id: `offer-${i.toString(36).padStart(5, '0')}`,
      title: k[0],
      description: k.slice(1).join(', '),
      organizationName: `${pick(random, ORGANIZATION_KINDS)} ${titleCase(place.name)}`,
      contractType: random() < 0.72 ? 'APPRENTISSAGE' : 'PROFESSIONNALISATION',
      remotePolicy: weighted(random, [['ON_SITE', 68], ['HYBRID', 25], ['REMOTE', 7]]),
      romeCode: `${domain}${1100 + Math.floor(random() * 8) * 100 + Math.floor(random() * 6)}`,
      romeDomain: domain,
      country: weighted(random, [['FR', 96], ['BE', 1.5], ['CH', 1], ['LU', 1], ['DE', 0.5]]),
      lat: place.lat,
      lng: place.lng,
      startEarliestDay: SCHOOL_YEAR_DAY - 30 + Math.floor(random() * 180),
      publishedAtMs: PUBLISHED_FROM_MS + Math.floor(random() * 120 * 86_400_000),
      disabilityFriendly: random() < 0.18,
    });
  }
  return docs;
}

export interface BenchQuery {
  request: SearchRequest;
  typo: boolean;
  filtered: boolean;
  words: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** One random edit (substitution, deletion, insertion, transposition) at a random position. */
function addTypo(random: () => number, word: string): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const at = Math.floor(random() * word.length);
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, at) + pick(random, [...letters]) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + pick(random, [...letters]) + word.slice(at);
    default:
      return at < word.length - 1 ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word.slice(0, -2) + word.slice(-1) + word.slice(-2, -1);
  }
}

/**
 * Queries of 1–3 consecutive words of an offer's keywords (as written, accents and case
 * included), a typo in about a third, filters on about half, facets on all.
 */
export function generateQueries(keywords: string[][], communes: Commune[], count: number, seed: number): BenchQuery[] {
  const random = seededRandom(seed);
  const stop = new Set(BENCH_STOP_WORDS.flatMap((w) => foldText(w).split(/[^\p{L}\p{N}]+/u)));
  const cities = bigCities(communes);
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    const k = keywords[Math.floor(random() * keywords.length)];
    const phrase = random() < 0.7 ? k[Math.floor(random() * Math.min(3, k.length))] : pick(random, k);
    const words = (phrase.match(WORD) ?? []).filter((w) => w.length > 1 && !stop.has(foldText(w)));
    if (words.length === 0) continue;
    const size = Math.min(words.length, weighted(random, [[1, 45], [2, 35], [3, 20]]));
    const start = Math.floor(random() * (words.length - size + 1));
    const chosen = words.slice(start, start + size);
    let typo = false;
    if (random() < 1 / 3) {
      const long = chosen.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5);
      if (long.length > 0) {
        const [w, i] = pick(random, long);
        chosen[i] = w.length >= 9 && random() < 0.5 ? addTypo(random, addTypo(random, w)) : addTypo(random, w);
        typo = true;
      }
    }
    const filters: Filter[] = [];
    let sort: Sort = { kind: 'relevance' };
    if (random() < 0.5) {
      const kinds = ['contract', 'remote', 'geo', 'start'].filter(() => random() < 0.45);
      if (kinds.length === 0) kinds.push(pick(random, ['contract', 'remote', 'geo', 'start']));
      for (const kind of kinds) {
        if (kind === 'contract') filters.push({ kind: 'in', field: 'contractType', values: [random() < 0.7 ? 'APPRENTISSAGE' : 'PROFESSIONNALISATION'] });
        if (kind === 'remote') filters.push({ kind: 'in', field: 'remotePolicy', values: random() < 0.5 ? ['HYBRID', 'REMOTE'] : [pick(random, ['ON_SITE', 'HYBRID', 'REMOTE'])] });
        if (kind === 'geo') {
          const city = pick(random, cities);
          filters.push({ kind: 'geo', lat: city.lat, lng: city.lng, radiusKm: 30 });
          if (random() < 0.4) sort = { kind: 'distance', lat: city.lat, lng: city.lng };
        }
        if (kind === 'start') {
          const from = SCHOOL_YEAR_DAY - 30 + Math.floor(random() * 120);
          filters.push({ kind: 'range', field: 'startEarliestDay', gte: from, lte: from + 30 + Math.floor(random() * 60) });
        }
      }
    }
    if (sort.kind === 'relevance' && random() < 0.1) sort = { kind: 'field', field: 'publishedAtMs', direction: 'desc' };
    queries.push({
      request: { text: chosen.join(' '), filters, sort, offset: random() < 0.1 ? 20 : 0, limit: 20, facets: FACETS },
      typo,
      filtered: filters.length > 0,
      words: chosen.length,
    });
  }
  return queries;
}
