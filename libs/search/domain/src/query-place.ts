import { foldText } from '@alternance/taxonomy/domain';

/** Radius around a commune named in the query ("boulanger lyon"). */
export const QUERY_PLACE_RADIUS_KM = 30;

/** Words that join a job to a place ("boulanger à lyon", "vendeur sur Paris"): dropped with it. */
const PLACE_PREPOSITIONS = new Set(['a', 'sur', 'vers', 'pres', 'proche', 'autour', 'de', 'en', 'in', 'near']);
/** A commune's name is at most this many words at the end of the query ("saint etienne du rouvray"). */
const MAX_PLACE_WORDS = 4;

export interface QueryPlaceSplit {
  /** The query without the place (and a preposition before it). */
  text: string;
  /** The place as typed, folded to upper case without accents, words separated by one space (La Poste's spelling). */
  name: string;
  /** The words removed from the query, as typed. */
  typed: string;
}

/**
 * Ways to read the end of a query as a commune, longest first: "boulanger saint etienne" gives
 * SAINT ETIENNE (text "boulanger") then ETIENNE (text "boulanger saint"). Something must be left
 * to search for: a query that is only a place stays text. The caller keeps the first that names a
 * known commune.
 */
export function queryPlaceSplits(query: string): QueryPlaceSplit[] {
  const words = [...query.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ word: m[0], start: m.index ?? 0 }));
  const splits: QueryPlaceSplit[] = [];
  for (let n = Math.min(MAX_PLACE_WORDS, words.length - 1); n >= 1; n--) {
    const placeWords = words.slice(words.length - n);
    if (placeWords.some((w) => /^\p{N}+$/u.test(w.word)) || PLACE_PREPOSITIONS.has(foldText(placeWords[0].word))) continue;
    let keep = words.length - n;
    while (keep > 0 && PLACE_PREPOSITIONS.has(foldText(words[keep - 1].word))) keep--;
    if (keep === 0) continue;
    const cut = words[keep].start;
    const restEnd = words[keep - 1].start + words[keep - 1].word.length;
    splits.push({
      text: query.slice(0, restEnd).trim(),
      name: placeWords.map((w) => foldText(w.word).toUpperCase()).join(' '),
      typed: query.slice(cut).trim(),
    });
  }
  return splits;
}
