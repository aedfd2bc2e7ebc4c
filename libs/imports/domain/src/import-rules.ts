import { createHash } from 'node:crypto';
import { foldText } from '@alternance/taxonomy/domain';

/**
 * The rules of an import run that need no database: what counts as a change, when two
 * partners' offers are one offer, when a run may close offers, and where an offer is.
 */

/** Words that say nothing about the job in a title ("H/F", the contract, "stage"…). */
const TITLE_NOISE = new Set([
  'h', 'f', 'hf', 'fh', 'x', 'e', 'en', 'alternance', 'apprentissage', 'apprenti', 'apprentie', 'contrat', 'pro', 'de', 'professionnalisation',
  'le', 'la', 'les', 'un', 'une', 'des', 'du', 'et', 'a', 'au', 'aux', 'cdi', 'cdd',
]);

/**
 * Feminine endings of inclusive spellings, after a middle dot or a full stop: "Vendeur·euse",
 * "Équipier·ère", "Assistant.e", "Conseiller·ère·s". Removed before folding (which drops the
 * middle dot and would glue the ending to the word).
 */
const INCLUSIVE_ENDING = /(\p{L})[·‧⋅.](?:e|ne|se|euse|rice|trice|ère|ere|ive|le|te|fe)(?:[·‧⋅.]?s)?(?![\p{L}\p{N}])/giu;

/** A title reduced to the words that name the job, sorted: "Vendeur H/F (alternance)" → "vendeur". */
export function normaliseTitle(title: string): string {
  const words = foldText(title.replace(INCLUSIVE_ENDING, '$1'))
    .replace(/\([^)]*\)/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !TITLE_NOISE.has(w));
  return [...new Set(words)].sort().join(' ');
}

/** Word 3-shingles of a text without its markup, for near-duplicate descriptions. */
export function shingles(html: string, size = 3): Set<string> {
  return new Set(shingleSequence(html, size));
}

/** The word `size`-shingles of a text without its markup, in reading order (repeats kept). */
export function shingleSequence(html: string, size = 3): string[] {
  const words = foldText(html.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' '))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length < size) return words.length ? [words.join(' ')] : [];
  const out: string[] = [];
  for (let i = 0; i + size <= words.length; i++) out.push(words.slice(i, i + size).join(' '));
  return out;
}

/** The share of the smaller set found in the other: 1 when one holds the other, 0 when disjoint or either is empty. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared++;
  return shared / small.size;
}

/** Jaccard similarity of two sets: 1 for equal sets, 0 for disjoint ones (and for two empty ones). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The shingles of a text that the other lacks, by where they lie: before, between and after the ones it shares. */
export interface OwnShingles {
  /** Before the first shared shingle (all of them when nothing is shared). */
  head: number;
  /** Between the first and the last shared shingle. */
  inner: number;
  /** After the last shared shingle. */
  tail: number;
}

/**
 * The distinct shingles of `sequence` absent from `other`, by place. A partner's paragraph added
 * before or after an offer, or a text cut short, leaves them at the edges; another position's
 * mission between one employer's presentation and closing paragraphs puts them inside.
 */
export function ownShingles(sequence: readonly string[], other: ReadonlySet<string>): OwnShingles {
  let first = -1;
  let last = -1;
  for (let i = 0; i < sequence.length; i++) {
    if (other.has(sequence[i])) {
      if (first < 0) first = i;
      last = i;
    }
  }
  const head = new Set<string>();
  const inner = new Set<string>();
  const tail = new Set<string>();
  for (let i = 0; i < sequence.length; i++) {
    const s = sequence[i];
    if (other.has(s)) continue;
    if (first < 0 || i < first) head.add(s);
    else if (i > last) tail.add(s);
    else inner.add(s);
  }
  return { head: head.size, inner: inner.size, tail: tail.size };
}

/** What deduplication compares of an offer. */
export interface DedupFacts {
  /** The organization the offer was matched to (by SIRET, else by name). */
  organizationId: string;
  title: string;
  inseeCode: string | null;
  postcode: string | null;
  /** `YYYY-MM-DD` */
  startDate: string | null;
  descriptionHtml: string;
}

/** Offers of one employer, one normalised title and one commune are candidates for being one. */
export function dedupKey(facts: Pick<DedupFacts, 'organizationId' | 'title' | 'inseeCode' | 'postcode'>): string {
  return `${facts.organizationId}|${normaliseTitle(facts.title)}|${facts.inseeCode ?? facts.postcode ?? '-'}`;
}

/** Start dates this many days apart or fewer are "close". */
export const DEDUP_START_TOLERANCE_DAYS = 45;
/**
 * Descriptions are "similar" when at least this share of the shorter one's word 3-shingles is in
 * the other (containment, not Jaccard: a partner that cuts the text short, leaves out the company
 * presentation or adds its own paragraph still publishes the same offer).
 */
export const DEDUP_MIN_DESCRIPTION_SIMILARITY = 0.7;
/**
 * Two descriptions that each hold more than this many shingles of their own inside the text they
 * share (see `ownShingles`) are two positions under one employer's boilerplate, however similar
 * overall.
 */
export const DEDUP_MAX_INNER_DIFFERENCE = 8;
/**
 * A description that goes on for at least this many shingles of its own after the text it shares
 * with a shorter one, while the shorter one ends with at least `DEDUP_MIN_OWN_ENDING` of its own,
 * is another position than the shorter one's: a snippet of one position's offer (the employer's
 * presentation, then the start of its mission) beside another's full text. A snippet of the same
 * offer ends inside the other's text.
 */
export const DEDUP_MIN_CONTINUATION = 30;
export const DEDUP_MIN_OWN_ENDING = 5;

/**
 * Whether two partners' offers are the same offer posted twice: same employer, same normalised
 * title, same commune (the key), start dates close (or unknown on either side), and similar
 * descriptions: most of the shorter text found in the other, not both texts with words of their
 * own in the middle of what they share, and not one text going on long after the shared part
 * while the other ends on words of its own. Partners relaying an offer add or drop whole
 * paragraphs at its edges or cut it short; two positions of one employer share its presentation
 * and closing paragraphs, with a mission of their own in between. Precision first: a partner's
 * own closing paragraph after a cut text is taken for another position's mission.
 */
export function sameOffer(a: DedupFacts, b: DedupFacts): boolean {
  if (dedupKey(a) !== dedupKey(b)) return false;
  if (a.startDate && b.startDate) {
    const days = Math.abs(Date.parse(a.startDate) - Date.parse(b.startDate)) / 86_400_000;
    if (!(days <= DEDUP_START_TOLERANCE_DAYS)) return false;
  }
  const sequenceA = shingleSequence(a.descriptionHtml);
  const sequenceB = shingleSequence(b.descriptionHtml);
  const setA = new Set(sequenceA);
  const setB = new Set(sequenceB);
  if (containment(setA, setB) < DEDUP_MIN_DESCRIPTION_SIMILARITY) return false;
  const ownA = ownShingles(sequenceA, setB);
  const ownB = ownShingles(sequenceB, setA);
  if (ownA.inner > DEDUP_MAX_INNER_DIFFERENCE && ownB.inner > DEDUP_MAX_INNER_DIFFERENCE) return false;
  const cutBeside = (long: OwnShingles, short: OwnShingles) => long.tail >= DEDUP_MIN_CONTINUATION && short.tail >= DEDUP_MIN_OWN_ENDING;
  return !cutBeside(ownA, ownB) && !cutBeside(ownB, ownA);
}

/** A stable digest of what an import writes of an offer: equal digests mean nothing changed. */
export function contentDigest(fields: Record<string, unknown>): string {
  const keys = Object.keys(fields).sort();
  return createHash('sha256')
    .update(JSON.stringify(keys.map((k) => [k, fields[k] ?? null])))
    .digest('base64url')
    .slice(0, 32);
}

/** How a run's end may close offers its source no longer lists. */
export interface ClosingPolicy {
  /** An offer missing from this many complete runs in a row is closed. */
  missedRuns: number;
  /** A feed that shrank by more than this share since the last good run closes nothing. */
  maxShrink: number;
}

export const DEFAULT_CLOSING_POLICY: ClosingPolicy = { missedRuns: 2, maxShrink: 0.3 };

export type ClosingVerdict = { close: true } | { close: false; reason: 'PARTIAL_FEED' | 'FEED_FAILED' | 'FEED_SHRANK' | 'NO_PREVIOUS_RUN' };

/**
 * Whether this run may count absences (and close offers missed often enough). Only a complete
 * feed read to its end says what the partner no longer lists; a failed parse or a feed much
 * smaller than the last good one says something went wrong upstream, so nothing is closed.
 */
export function closingVerdict(run: { complete: boolean; failed: boolean; read: number; previousRead: number | null }, policy: ClosingPolicy): ClosingVerdict {
  if (!run.complete) return { close: false, reason: 'PARTIAL_FEED' };
  if (run.failed) return { close: false, reason: 'FEED_FAILED' };
  if (run.previousRead !== null && run.previousRead > 0 && run.read < run.previousRead * (1 - policy.maxShrink)) return { close: false, reason: 'FEED_SHRANK' };
  return { close: true };
}

/** A commune as the gazetteer holds it. */
export interface GazetteerCommune {
  inseeCode: string;
  name: string;
  postcode: string;
  lat: number;
  lng: number;
}

/** Upper case, no accents, words separated by one space: "Saint-Étienne" → "SAINT ETIENNE". */
export function communeKey(name: string): string {
  return foldText(name)
    .toUpperCase()
    .replace(/\bST\b/g, 'SAINT')
    .replace(/\bSTE\b/g, 'SAINTE')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Communes in memory, read once per run: an import places a million offers, one query each
 * would dominate its time.
 */
export class Gazetteer {
  private readonly byInsee = new Map<string, GazetteerCommune>();
  private readonly byPostcode = new Map<string, GazetteerCommune[]>();
  private readonly byName = new Map<string, GazetteerCommune[]>();

  constructor(communes: Iterable<GazetteerCommune>) {
    for (const c of communes) {
      if (!this.byInsee.has(c.inseeCode)) this.byInsee.set(c.inseeCode, c);
      push(this.byPostcode, c.postcode, c);
      push(this.byName, communeKey(c.name.replace(/ \d+$/, '')), c);
    }
  }

  /**
   * Where an offer is: its INSEE code first, then its postcode (the commune of that name
   * under it, else the postcode's first commune), then its commune name alone (the one with
   * the most postcodes when several share it). Undefined when nothing is known.
   */
  locate(place: { inseeCode: string | null; postcode: string | null; city: string | null }): GazetteerCommune | undefined {
    if (place.inseeCode) {
      const hit = this.byInsee.get(place.inseeCode);
      if (hit) return hit;
    }
    const cityKey = place.city ? communeKey(place.city.replace(/\(\d+\)|\d{5}/g, '')) : '';
    if (place.postcode) {
      const under = this.byPostcode.get(place.postcode);
      if (under?.length) return under.find((c) => cityKey && communeKey(c.name) === cityKey) ?? under[0];
    }
    if (cityKey) {
      const named = this.byName.get(cityKey);
      if (named?.length) {
        const counts = new Map<string, number>();
        for (const c of named) counts.set(c.inseeCode, (counts.get(c.inseeCode) ?? 0) + 1);
        let best = named[0];
        for (const c of named) if ((counts.get(c.inseeCode) ?? 0) > (counts.get(best.inseeCode) ?? 0)) best = c;
        return best;
      }
    }
    return undefined;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
