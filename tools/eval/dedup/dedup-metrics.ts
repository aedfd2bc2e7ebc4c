import { readFileSync } from 'node:fs';
import { DedupFacts, Gazetteer, communeKey, sanitizeOfferHtml } from '@alternance/imports/domain';

/**
 * The labelled pairs of the deduplication evaluation, in JSON Lines (see README): one pair a
 * line, two offers as partners publish them and whether they are one offer.
 *
 *   {"id": "m0001", "kind": "repost-truncated", "same": true, "note": "…",
 *    "a": {"source": "apec", "employer": {"name": "Auchan", "siret": null}, "title": "Boucher F/H",
 *          "location": {"inseeCode": "37214", "postcode": null, "city": "Saint-Cyr-sur-Loire"},
 *          "startDate": "2026-09-01", "description": "<p>…</p>"},
 *    "b": {…}}
 */
export interface PublishedOffer {
  source: string;
  employer: { name: string | null; siret: string | null };
  title: string;
  location: { inseeCode: string | null; postcode: string | null; city: string | null };
  /** `YYYY-MM-DD` */
  startDate: string | null;
  /** HTML or plain text, as the partner sends it. */
  description: string;
}

export interface DedupPair {
  id: string;
  kind: string;
  same: boolean;
  note?: string;
  a: PublishedOffer;
  b: PublishedOffer;
}

export function readPairs(file: string): DedupPair[] {
  const pairs = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DedupPair);
  const ids = new Set<string>();
  for (const p of pairs) {
    if (typeof p.same !== 'boolean' || !p.kind || !p.a || !p.b) throw new Error(`pair ${p.id} lacks a label, a kind or an offer`);
    if (ids.has(p.id)) throw new Error(`pair ${p.id} appears twice`);
    ids.add(p.id);
  }
  return pairs;
}

/** The organization an import attaches an offer to: its SIRET when given, else its folded name (as the importer's employer key). */
export function employerKey(employer: PublishedOffer['employer']): string {
  return employer.siret ? `siret:${employer.siret}` : `name:${communeKey(employer.name ?? '')}`;
}

/**
 * What the importer compares of a published offer: its organization, its commune as the
 * gazetteer places it, its sanitized description. Null when the importer would reject the
 * offer (no commune found).
 */
export function toFacts(offer: PublishedOffer, gazetteer: Gazetteer): DedupFacts | null {
  const commune = gazetteer.locate(offer.location);
  if (!commune) return null;
  return {
    organizationId: employerKey(offer.employer),
    title: offer.title,
    inseeCode: commune.inseeCode,
    postcode: commune.postcode,
    startDate: offer.startDate,
    descriptionHtml: sanitizeOfferHtml(offer.description),
  };
}

export interface Confusion {
  pairs: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface DedupReport extends Confusion {
  precision: number;
  recall: number;
  f1: number;
  byKind: Record<string, Confusion>;
  /** Pairs the decision got wrong, with the decision. */
  errors: { id: string; kind: string; same: boolean; predicted: boolean }[];
}

const empty = (): Confusion => ({ pairs: 0, tp: 0, fp: 0, fn: 0, tn: 0 });

function count(c: Confusion, same: boolean, predicted: boolean): void {
  c.pairs++;
  if (same && predicted) c.tp++;
  else if (!same && predicted) c.fp++;
  else if (same) c.fn++;
  else c.tn++;
}

/**
 * Precision, recall and F1 of "the same offer" over labelled pairs: precision is the share of
 * pairs taken for one offer that are one (1 when none is taken), recall the share of duplicates
 * found (1 when there is none), F1 their harmonic mean; with the confusion by kind.
 */
export function evaluateDedup(pairs: readonly DedupPair[], decide: (pair: DedupPair) => boolean): DedupReport {
  const total = empty();
  const byKind: Record<string, Confusion> = {};
  const errors: DedupReport['errors'] = [];
  for (const pair of pairs) {
    const predicted = decide(pair);
    count(total, pair.same, predicted);
    count((byKind[pair.kind] ??= empty()), pair.same, predicted);
    if (predicted !== pair.same) errors.push({ id: pair.id, kind: pair.kind, same: pair.same, predicted });
  }
  const precision = total.tp + total.fp ? total.tp / (total.tp + total.fp) : 1;
  const recall = total.tp + total.fn ? total.tp / (total.tp + total.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...total, precision, recall, f1, byKind, errors };
}
