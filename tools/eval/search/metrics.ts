import { readFileSync } from 'node:fs';
import { foldText } from '@alternance/taxonomy/domain';
import { ndcgAt } from '../evaluate';

/**
 * Search relevance metrics over a judged query set in JSON Lines (see README, "Search
 * relevance"): one query per line,
 *
 *   {"id": "q001", "query": "boulanger", "category": "job title", "corpus": "offers/keywords-cache.jsonl.gz",
 *    "avoid": ["vente"], "city": "LYON",
 *    "judgments": [{"offer": "8410e8fa6996f324", "grade": 3, "title": "Boulanger", "reason": "…"}]}
 *
 * `grade` is 0 (not relevant) to 3 (exactly what was asked); unjudged offers count 0. `avoid`
 * lists false friends: a top hit graded 0 (or unjudged) whose text holds one of them is counted.
 */
export interface Judgment {
  offer: string;
  grade: number;
  title?: string;
  reason?: string;
}

export interface JudgedQuery {
  id: string;
  query: string;
  category?: string;
  corpus?: string;
  avoid?: string[];
  city?: string;
  judgments: Judgment[];
}

export const SEARCH_K = 10;
/** A hit graded at least this is "relevant" for MRR. */
export const RELEVANT_GRADE = 2;

export function parseJudgments(text: string, source = 'judgments'): JudgedQuery[] {
  const queries: JudgedQuery[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: JudgedQuery;
    try {
      value = JSON.parse(line) as JudgedQuery;
    } catch (error) {
      throw new Error(`${source}:${i + 1}: not JSON (${(error as Error).message})`);
    }
    if (typeof value.query !== 'string' || !Array.isArray(value.judgments)) throw new Error(`${source}:${i + 1}: needs "query" (string) and "judgments" (array)`);
    for (const j of value.judgments) {
      if (typeof j.offer !== 'string' || !Number.isInteger(j.grade) || j.grade < 0 || j.grade > 3) throw new Error(`${source}:${i + 1}: each judgment needs "offer" (string) and "grade" (0 to 3)`);
    }
    const id = value.id ?? `line-${i + 1}`;
    if (ids.has(id)) throw new Error(`${source}:${i + 1}: the id ${id} is used twice`);
    ids.add(id);
    queries.push({ ...value, id });
  });
  return queries;
}

export function readJudgments(file: string): JudgedQuery[] {
  return parseJudgments(readFileSync(file, 'utf8'), file);
}

/** 1 / rank of the first hit graded `threshold` or more within the first `k`, else 0. */
export function reciprocalRank(ranked: readonly string[], grades: ReadonlyMap<string, number>, k = SEARCH_K, threshold = RELEVANT_GRADE): number {
  for (let i = 0; i < Math.min(k, ranked.length); i++) if ((grades.get(ranked[i]) ?? 0) >= threshold) return 1 / (i + 1);
  return 0;
}

/** nDCG@k with exponential gain; 0 (not null) when the query found nothing but has relevant offers. */
export function ndcg(ranked: readonly string[], grades: ReadonlyMap<string, number>, k = SEARCH_K): number | null {
  return ndcgAt(k, ranked, grades);
}

/** Whether a word of `avoid` (folded, whole word or its plural) is in `text`. */
export function holdsFalseFriend(text: string, avoid: readonly string[]): string | undefined {
  const words = new Set(foldText(text).split(/[^\p{L}\p{N}]+/u));
  return avoid.find((word) => {
    const folded = foldText(word);
    if (folded.includes(' ')) return foldText(text).includes(folded);
    return words.has(folded) || words.has(`${folded}s`);
  });
}

export interface QueryOutcome {
  id: string;
  query: string;
  category: string;
  ranked: string[];
  totalCount: number;
  ndcg: number | null;
  reciprocalRank: number;
  unjudgedInTop: number;
  falseFriends: { offer: string; word: string }[];
}

export interface SearchEvalReport {
  k: number;
  queries: QueryOutcome[];
  /** Mean over queries with at least one relevant offer. */
  ndcg: number;
  mrr: number;
  zeroResultRate: number;
  falseFriendHits: number;
  unjudgedInTop: number;
  byCategory: Record<string, { queries: number; ndcg: number; zeroResults: number }>;
}

export interface Searcher {
  (query: JudgedQuery): { ids: string[]; totalCount: number };
}

/** Runs every judged query through `search` and scores the first `k` hits. */
export function evaluateSearch(queries: readonly JudgedQuery[], search: Searcher, textOf: (offer: string) => string, k = SEARCH_K): SearchEvalReport {
  const outcomes: QueryOutcome[] = queries.map((q) => {
    const { ids, totalCount } = search(q);
    const ranked = ids.slice(0, k);
    const grades = new Map(q.judgments.map((j) => [j.offer, j.grade]));
    const falseFriends: QueryOutcome['falseFriends'] = [];
    if (q.avoid?.length) {
      for (const offer of ranked) {
        if ((grades.get(offer) ?? 0) > 0) continue;
        const word = holdsFalseFriend(textOf(offer), q.avoid);
        if (word) falseFriends.push({ offer, word });
      }
    }
    return {
      id: q.id,
      query: q.query,
      category: q.category ?? 'other',
      ranked,
      totalCount,
      ndcg: ndcg(ranked, grades, k),
      reciprocalRank: reciprocalRank(ranked, grades, k),
      unjudgedInTop: ranked.filter((id) => !grades.has(id)).length,
      falseFriends,
    };
  });
  const scored = outcomes.filter((o) => o.ndcg !== null);
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
  const byCategory: SearchEvalReport['byCategory'] = {};
  for (const category of [...new Set(outcomes.map((o) => o.category))].sort()) {
    const of = outcomes.filter((o) => o.category === category);
    byCategory[category] = { queries: of.length, ndcg: mean(of.filter((o) => o.ndcg !== null).map((o) => o.ndcg!)), zeroResults: of.filter((o) => o.totalCount === 0).length };
  }
  return {
    k,
    queries: outcomes,
    ndcg: mean(scored.map((o) => o.ndcg!)),
    mrr: mean(scored.map((o) => o.reciprocalRank)),
    zeroResultRate: outcomes.length ? outcomes.filter((o) => o.totalCount === 0).length / outcomes.length : 0,
    falseFriendHits: outcomes.reduce((sum, o) => sum + o.falseFriends.length, 0),
    unjudgedInTop: outcomes.reduce((sum, o) => sum + o.unjudgedInTop, 0),
    byCategory,
  };
}
