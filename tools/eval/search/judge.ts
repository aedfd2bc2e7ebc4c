/**
 * Writes the judged search set (tools/eval/search/judgments.jsonl) from the query list
 * (tools/eval/search/queries.jsonl) and the real corpus. Grades follow one written rule, then
 * the hand corrections of tools/eval/search/corrections.jsonl win:
 *
 * - 3: the offer's title holds what was asked (a `want` pattern: "boulang" for "boulanger");
 * - 2: the occupation is right (ROME code in `rome`) or one of its first three keywords holds
 *   what was asked: the same job under another title;
 * - 1: a keyword further down holds it, or the title holds a `related` pattern (a neighbouring
 *   trade: "pâtissier" for "boulanger");
 * - 0: nothing of the above, or a false friend of the query (`avoid`) is all it shares;
 * - with a city ("boulanger lyon"), an offer more than 30 km away keeps at most 1.
 *
 * The judged offers of a query are its pool: the first 20 hits of every ranking judged so far
 * (kept from the previous file, so re-running after a ranking change only adds the newly seen
 * offers) plus up to 10 offers the rule itself finds in the corpus (titles graded 3, near the
 * city when there is one), so the ideal ranking is known even when the engine misses it.
 *
 *   node tools/build.mjs && node dist/tools/eval/search/judge.js [--data <dir>]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { foldText } from '@alternance/taxonomy/domain';
import { haversineKm } from '@alternance/search/engine';
import { defaultDataDir } from '../../bench/search-engine-corpus';
import { repositoryRoot } from '../evaluate';
import { buildCorpusIndex, communesByName, CORPUS_FILE, CorpusIndex, CorpusOffer, corpusSearch } from './corpus';
import { JudgedQuery, Judgment, parseJudgments } from './metrics';

export interface QuerySpec {
  id: string;
  query: string;
  category: string;
  want: string[];
  related: string[];
  rome: string[];
  avoid?: string[];
  city?: string;
}

export interface Correction {
  query: string;
  offer: string;
  grade: number;
  reason: string;
}

const POOL_DEPTH = 20;
const RULE_POOL = 10;
export const CITY_RADIUS_KM = 30;

function patterns(list: readonly string[]): RegExp[] {
  return list.map((p) => new RegExp(`(^|[^\\p{L}\\p{N}])${p}`, 'u'));
}

function any(res: readonly RegExp[], text: string): boolean {
  return res.some((re) => re.test(text));
}

/** The grade of one offer for one query spec, with the rule's reason. */
export function gradeOffer(spec: QuerySpec, offer: CorpusOffer, cityPoint?: { lat: number; lng: number }): { grade: number; reason: string } {
  const want = patterns(spec.want);
  const related = patterns(spec.related);
  // Folded, punctuation as spaces: "prêt-à-porter" reads "pret a porter".
  const fold = (text: string) => foldText(text).replace(/[^\p{L}\p{N}|]+/gu, ' ');
  const title = fold(offer.title);
  const first = fold(offer.keywords.slice(0, 3).join(' | '));
  const all = fold(offer.keywords.join(' | '));
  let grade = 0;
  let reason = 'nothing of the query';
  if (any(want, title)) [grade, reason] = [3, 'title'];
  else if (offer.romeCode && spec.rome.includes(offer.romeCode)) [grade, reason] = [2, `occupation ${offer.romeCode}`];
  else if (any(want, first)) [grade, reason] = [2, 'first keywords'];
  else if (any(want, all)) [grade, reason] = [1, 'a keyword'];
  else if (any(related, title)) [grade, reason] = [1, 'neighbouring trade in the title'];
  if (grade > 0 && spec.avoid?.length && !any(want, `${title} | ${all}`) && any(patterns(spec.avoid), `${title} | ${all}`)) [grade, reason] = [0, `false friend (${spec.avoid.join(', ')})`];
  if (cityPoint && grade > 1 && haversineKm(cityPoint.lat, cityPoint.lng, offer.lat, offer.lng) > CITY_RADIUS_KM) [grade, reason] = [1, `${reason}, but not near ${spec.city}`];
  return { grade, reason };
}

export function cityPoint(index: CorpusIndex, city: string | undefined): { lat: number; lng: number } | undefined {
  if (!city) return undefined;
  const commune = communesByName(index.communes).get(city);
  if (!commune) throw new Error(`no commune named ${city}`);
  return commune;
}

function main(argv: string[]): void {
  const at = argv.indexOf('--data');
  const dataDir = at >= 0 ? path.resolve(argv[at + 1]) : defaultDataDir();
  const root = repositoryRoot();
  const dir = path.join(root, 'tools/eval/search');
  const specs = readFileSync(path.join(dir, 'queries.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as QuerySpec);
  const correctionsFile = path.join(dir, 'corrections.jsonl');
  const corrections = existsSync(correctionsFile) ? readFileSync(correctionsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Correction) : [];
  const outFile = path.join(dir, 'judgments.jsonl');
  const previous = new Map<string, JudgedQuery>(existsSync(outFile) ? parseJudgments(readFileSync(outFile, 'utf8')).map((q) => [q.id, q]) : []);

  const index = buildCorpusIndex(dataDir);
  const lines: string[] = [];
  let judged = 0;
  for (const spec of specs) {
    const point = cityPoint(index, spec.city);
    const pool = new Set<string>(previous.get(spec.id)?.judgments.map((j) => j.offer) ?? []);
    for (const id of corpusSearch(index, spec.query, POOL_DEPTH).ids) pool.add(id);
    let found = 0;
    for (const offer of index.offers.values()) {
      if (found >= RULE_POOL) break;
      if (gradeOffer(spec, offer, point).grade === 3) {
        pool.add(offer.id);
        found++;
      }
    }
    const judgments: Judgment[] = [...pool].map((id) => {
      const offer = index.offers.get(id)!;
      const fix = corrections.find((c) => c.query === spec.id && c.offer === id);
      const { grade, reason } = fix ?? gradeOffer(spec, offer, point);
      return { offer: id, grade, title: offer.title, reason: fix ? `hand: ${reason}` : reason };
    });
    judgments.sort((a, b) => b.grade - a.grade || a.offer.localeCompare(b.offer));
    judged += judgments.length;
    const line: JudgedQuery = { id: spec.id, query: spec.query, category: spec.category, corpus: CORPUS_FILE, ...(spec.city ? { city: spec.city } : {}), ...(spec.avoid ? { avoid: spec.avoid } : {}), judgments };
    lines.push(JSON.stringify(line));
  }
  writeFileSync(outFile, `${lines.join('\n')}\n`);
  console.log(`${specs.length} queries, ${judged} judged offers, written to ${path.relative(root, outFile)}`);
}

if (require.main === module) main(process.argv.slice(2));
