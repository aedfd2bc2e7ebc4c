import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/core';
import { CatalogueSuggestion, SuggestionKind, buildCatalogueSuggestionIndex } from '@alternance/programs/domain';
import { CatalogueSuggestions, ProgramCatalogue, databaseCatalogueSource } from '@alternance/programs/data-access';
import { TaxonomySuggestionRows, readTaxonomySuggestionRows } from '@alternance/taxonomy/data-access';
import { foldText } from '@alternance/taxonomy/domain';
import { openCatalogue } from './match-corpus';
import { Percentiles, percentiles } from './search-engine';
import { seededRandom } from './search-engine-corpus';
import { printTable, writeResults } from './report';

/**
 * `npm run bench -- suggest [--runs 3] [--queries 3000]`: the `suggest` service (what the
 * resolver calls, without HTTP) on the full catalogue imported by the product's importer into
 * bench-results/match-catalogue.sqlite (shared with the matching benchmark; the first run
 * imports it). Each run builds a fresh index through the service, as a process's first request
 * does, then times the queries one after the other. The queries are what comboboxes send while
 * someone types: every length of the start of real labels (job titles and occupations for the
 * "what" field, communes and postcodes for "where", skills, training paths, and all kinds
 * together), typed without accents half the time, one in five with a typo. Figures are medians
 * over the runs; memory is the first build's.
 */

const TARGET_P95_MS = 5;

interface BenchQuery {
  group: 'what' | 'where' | 'skill' | 'program' | 'all';
  text: string;
  kinds?: SuggestionKind[];
  typo: boolean;
}

interface RunResult {
  readMs: number;
  indexMs: number;
  firstSuggestMs: number;
  latency: Record<string, Percentiles>;
  meanSuggestions: number;
}

export interface SuggestBenchResult {
  queries: number;
  runs: RunResult[];
  readMs: number;
  indexMs: number;
  firstSuggestMs: number;
  latency: Record<string, Percentiles>;
  memory: { heapMb: number; rssMb: number; entries: number; terms: number; postings: number; typoKeys: number; trieNodes: number };
  target: { p95Ms: number; met: boolean };
}

const WHAT = [SuggestionKind.JOB_TITLE, SuggestionKind.OCCUPATION];

/** What a person types for a label: its first words, often without accents or capitals. */
function typedFor(label: string, next: () => number): string {
  let text = label
    .split(/\s+/)
    .filter((w) => w !== '/')
    .slice(0, 1 + Math.floor(next() * 3))
    .join(' ');
  const style = next();
  if (style < 0.5) text = foldText(text);
  else if (style < 0.8) text = text.toLowerCase();
  return text;
}

/** One typo in a word of 5 letters or more: a letter dropped, doubled, swapped with the next, or replaced. */
function withTypo(text: string, next: () => number): string | null {
  const words = text.split(' ');
  const candidates = words.map((w, i) => (w.length >= 5 && !/\d/.test(w) ? i : -1)).filter((i) => i >= 0);
  if (!candidates.length) return null;
  const i = candidates[Math.floor(next() * candidates.length)];
  const w = words[i];
  const at = 1 + Math.floor(next() * (w.length - 2));
  const kind = Math.floor(next() * 4);
  words[i] =
    kind === 0 ? w.slice(0, at) + w.slice(at + 1) : kind === 1 ? w.slice(0, at) + w[at] + w.slice(at) : kind === 2 ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2) : w.slice(0, at) + 'eaiorsnt'[Math.floor(next() * 8)] + w.slice(at + 1);
  return words.join(' ');
}

/** Every length of the typed text is a request; a typo shows in the prefixes that reach it. */
export function generateQueries(rows: TaxonomySuggestionRows & { programs: readonly { title: string }[] }, count: number, seed = 20261205): BenchQuery[] {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    const draw = next();
    let group: BenchQuery['group'];
    let label: string;
    if (draw < 0.35) [group, label] = ['what', next() < 0.8 ? pick(rows.jobTitles).label : pick(rows.occupations).label];
    else if (draw < 0.7) {
      const commune = pick(rows.communes);
      [group, label] = ['where', next() < 0.15 ? commune.postcode : commune.name];
    } else if (draw < 0.8) [group, label] = ['skill', pick(rows.skills).label];
    else if (draw < 0.9) [group, label] = ['program', pick(rows.programs).title];
    else [group, label] = ['all', pick(rows.jobTitles).label];
    const intended = typedFor(label, next);
    const typed = (next() < 0.2 && withTypo(intended, next)) || intended;
    const length = 1 + Math.floor(next() * typed.length);
    const text = typed.slice(0, length);
    if (!text.trim()) continue;
    const kinds = { what: WHAT, where: [SuggestionKind.COMMUNE], skill: [SuggestionKind.SKILL], program: [SuggestionKind.PROGRAM], all: undefined }[group];
    // a typo further on than the cut is not in the request yet
    queries.push({ group, text, kinds, typo: text !== intended.slice(0, length) });
  }
  return queries;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function run(orm: MikroORM, queries: BenchQuery[], warmup: number): Promise<{ result: RunResult; built: CatalogueSuggestions }> {
  // The pure steps alone: read the rows, build the index (what a rebuild costs).
  let started = performance.now();
  const taxonomy = await readTaxonomySuggestionRows(orm.em.fork());
  const readMs = performance.now() - started;
  const catalogue = new ProgramCatalogue(databaseCatalogueSource(orm));
  const programs = (await catalogue.snapshot()).programs;
  started = performance.now();
  buildCatalogueSuggestionIndex({ ...taxonomy, programs });
  const indexMs = performance.now() - started;

  // Then the service as the API has it: its first request reads and builds.
  const service = new CatalogueSuggestions(() => readTaxonomySuggestionRows(orm.em.fork()), catalogue);
  started = performance.now();
  await service.suggest('a', { first: 8 });
  const firstSuggestMs = performance.now() - started;

  for (const q of queries.slice(0, warmup)) await service.suggest(q.text, { kinds: q.kinds, first: 8 });
  const groups = ['all queries', 'field: what', 'field: where', 'field: skill', 'field: program', 'field: all', '1-2 characters', '3-5 characters', '6+ characters', 'several words', 'with a typo'];
  const times: Record<string, number[]> = Object.fromEntries(groups.map((group) => [group, []]));
  const record = (group: string, ms: number) => times[group].push(ms);
  let suggestions = 0;
  for (const q of queries) {
    const t0 = performance.now();
    const found: CatalogueSuggestion[] = await service.suggest(q.text, { kinds: q.kinds, first: 8 });
    const ms = performance.now() - t0;
    suggestions += found.length;
    record('all queries', ms);
    record(`field: ${q.group}`, ms);
    if (q.typo) record('with a typo', ms);
    const letters = q.text.trim().length;
    record(letters <= 2 ? '1-2 characters' : letters <= 5 ? '3-5 characters' : '6+ characters', ms);
    if (q.text.trim().includes(' ')) record('several words', ms);
  }
  catalogue.onModuleDestroy();
  const latency = Object.fromEntries(Object.entries(times).map(([group, values]) => [group, percentiles(values)]));
  return { result: { readMs, indexMs, firstSuggestMs, latency, meanSuggestions: suggestions / queries.length }, built: service };
}

export async function benchSuggest(options: { runs?: number; queries?: number; warmup?: number; print?: boolean } = {}): Promise<SuggestBenchResult> {
  const runs = options.runs ?? 3;
  const count = options.queries ?? 3000;
  const warmup = options.warmup ?? 300;
  const orm = await openCatalogue();
  try {
    const taxonomy = await readTaxonomySuggestionRows(orm.em.fork());
    const catalogue = new ProgramCatalogue(databaseCatalogueSource(orm));
    const programs = (await catalogue.snapshot()).programs;
    catalogue.onModuleDestroy();
    const queries = generateQueries({ ...taxonomy, programs }, count);

    collectGarbage();
    const before = process.memoryUsage();
    const index = buildCatalogueSuggestionIndex({ ...taxonomy, programs });
    collectGarbage();
    const after = process.memoryUsage();
    const memory = { heapMb: (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 2 ** 20, rssMb: after.rss / 2 ** 20, ...index.stats };

    const results: RunResult[] = [];
    for (let r = 0; r < runs; r++) {
      collectGarbage();
      results.push((await run(orm, queries, warmup)).result);
      if (options.print) console.log(`run ${r + 1}: p95 ${results[r].latency['all queries'].p95.toFixed(2)} ms, build ${results[r].indexMs.toFixed(0)} ms`);
    }
    const groups = Object.keys(results[0].latency);
    const latency = Object.fromEntries(
      groups.map((group) => {
        const all = results.map((r) => r.latency[group]);
        return [group, { count: all[0].count, p50: median(all.map((p) => p.p50)), p95: median(all.map((p) => p.p95)), p99: median(all.map((p) => p.p99)), max: median(all.map((p) => p.max)) }];
      }),
    );
    const result: SuggestBenchResult = {
      queries: count,
      runs: results,
      readMs: median(results.map((r) => r.readMs)),
      indexMs: median(results.map((r) => r.indexMs)),
      firstSuggestMs: median(results.map((r) => r.firstSuggestMs)),
      latency,
      memory,
      target: { p95Ms: TARGET_P95_MS, met: latency['all queries'].p95 <= TARGET_P95_MS },
    };
    if (options.print) print(result);
    writeResults('suggest', result);
    return result;
  } finally {
    await orm.close(true);
  }
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(2);
}

function print(r: SuggestBenchResult): void {
  const m = r.memory;
  printTable(`suggest: the service on the full catalogue (${m.entries.toLocaleString('en')} suggestions), ${r.queries} queries, medians of ${r.runs.length} run(s)`, [
    ['read the catalogue rows (SQLite)', `${fmt(r.readMs)} ms`],
    ['build the index', `${fmt(r.indexMs)} ms`],
    ['first request (read + build + answer)', `${fmt(r.firstSuggestMs)} ms`],
    ['index memory (heap + buffers, after GC)', `${m.heapMb.toFixed(0)} MB (${m.terms.toLocaleString('en')} words, ${m.postings.toLocaleString('en')} postings, ${m.typoKeys.toLocaleString('en')} typo keys, ${m.trieNodes.toLocaleString('en')} trie nodes)`],
    ['process RSS after the first build', `${m.rssMb.toFixed(0)} MB`],
  ]);
  console.table(
    Object.fromEntries(
      Object.entries(r.latency).map(([group, p]) => [group, { queries: p.count, 'p50 ms': fmt(p.p50), 'p95 ms': fmt(p.p95), 'p99 ms': fmt(p.p99), 'max ms': fmt(p.max) }]),
    ),
  );
  console.log(`target (p95 ≤ ${TARGET_P95_MS} ms at the service): ${r.target.met ? 'met' : 'NOT met'}`);
}

function argument(name: string): number | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : undefined;
}

if (require.main === module) {
  benchSuggest({ runs: argument('runs'), queries: argument('queries'), print: true }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
