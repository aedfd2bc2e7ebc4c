/**
 * `npm run eval -- search [--judgments <file>] [--data <dir>] [--worst <n>] [--verbose]`: the
 * embedded engine, with the product's offer settings, synonyms and stop words, on the real
 * corpus (see corpus.ts), scored against a judged query set (JSON Lines, see metrics.ts and
 * the README): nDCG@10, MRR, the zero-result rate, false friends in the first ten, and the
 * worst queries with what they returned.
 */
import path from 'node:path';
import { defaultDataDir } from '../../bench/search-engine-corpus';
import { repositoryRoot } from '../evaluate';
import { buildCorpusIndex, corpusSearch } from './corpus';
import { evaluateSearch, readJudgments, SEARCH_K } from './metrics';

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}

export function searchEvalMain(argv: string[]): void {
  const root = repositoryRoot();
  const file = path.resolve(option(argv, 'judgments') ?? path.join(root, 'tools/eval/search/judgments.jsonl'));
  const dataDir = option(argv, 'data') ? path.resolve(option(argv, 'data')!) : defaultDataDir();
  const worst = Number(option(argv, 'worst') ?? 15);
  const queries = readJudgments(file);
  const started = performance.now();
  const index = buildCorpusIndex(dataDir);
  const built = performance.now() - started;
  const report = evaluateSearch(
    queries,
    (q) => corpusSearch(index, q.query, SEARCH_K),
    (id) => {
      const offer = index.offers.get(id);
      return offer ? `${offer.title} | ${offer.keywords.join(' | ')}` : '';
    },
  );
  const judgments = queries.reduce((sum, q) => sum + q.judgments.length, 0);
  console.log(`${queries.length} queries, ${judgments} judgments (${path.relative(process.cwd(), file) || file}); ${index.offers.size} offers indexed in ${(built / 1000).toFixed(1)} s`);
  console.log(`nDCG@${report.k}          ${report.ndcg.toFixed(3)}`);
  console.log(`MRR@${report.k} (grade ≥ 2) ${report.mrr.toFixed(3)}`);
  console.log(`zero-result rate  ${(report.zeroResultRate * 100).toFixed(1)} % (${report.queries.filter((q) => q.totalCount === 0).length} queries)`);
  console.log(`false friends in the first ${report.k}: ${report.falseFriendHits}`);
  console.log(`unjudged offers in the first ${report.k}: ${report.unjudgedInTop} (count 0; re-run the judging script to grade them)`);
  console.log('by category:');
  for (const [category, c] of Object.entries(report.byCategory)) console.log(`  ${category.padEnd(16)} ${String(c.queries).padStart(3)} queries  nDCG ${c.ndcg.toFixed(3)}  zero results ${c.zeroResults}`);
  const grades = new Map(queries.map((q) => [q.id, new Map(q.judgments.map((j) => [j.offer, j.grade]))]));
  const ordered = [...report.queries].sort((a, b) => (a.ndcg ?? 1) - (b.ndcg ?? 1) || a.id.localeCompare(b.id));
  console.log(`worst ${worst} queries:`);
  for (const q of ordered.slice(0, worst)) {
    const g = grades.get(q.id)!;
    console.log(`  ${q.id} ${JSON.stringify(q.query).padEnd(28)} nDCG ${q.ndcg === null ? '  -  ' : q.ndcg.toFixed(3)}  ${q.totalCount} hits  grades ${q.ranked.map((id) => g.get(id) ?? '-').join('')}`);
    if (argv.includes('--verbose')) for (const id of q.ranked) console.log(`      ${g.get(id) ?? '-'} ${id} ${index.offers.get(id)?.title}`);
    for (const f of q.falseFriends) console.log(`      false friend "${f.word}": ${f.offer} ${index.offers.get(f.offer)?.title}`);
  }
  const friends = report.queries.filter((q) => q.falseFriends.length > 0 && !ordered.slice(0, worst).includes(q));
  for (const q of friends) for (const f of q.falseFriends) console.log(`  ${q.id} ${JSON.stringify(q.query)}: false friend "${f.word}" ${f.offer} ${index.offers.get(f.offer)?.title}`);
}
