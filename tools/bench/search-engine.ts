import { performance } from 'node:perf_hooks';
import { getRoaringUsedMemory } from 'roaring';
import { EmbeddedSearchEngine } from '@alternance/search/engine';
import type { SearchDocument, SearchResult } from '@alternance/search/domain';
import {
  BenchQuery,
  benchSettings,
  defaultDataDir,
  generateOffers,
  generateQueries,
  loadCommunes,
  loadOfferKeywords,
  loadSynonyms,
} from './search-engine-corpus';

/**
 * Micro-benchmark of the embedded search engine on the real offer corpus resampled to
 * 100,000 documents: build, snapshot and reload, memory, and search latency with filters,
 * typos and facets. Build first (`node tools/build.mjs`), then
 * `node --expose-gc dist/tools/bench/search-engine.js [--runs 3] [--docs 100000] [--queries 1000]`
 * (--expose-gc makes the engine's own memory measurable). Figures are medians over the runs;
 * each run builds a fresh engine. Peak RSS covers the whole process: the generated corpus,
 * the engine, its snapshot and the engine reloaded from it, all alive at once.
 */

export interface SearchEngineBenchOptions {
  docs?: number;
  queries?: number;
  warmup?: number;
  runs?: number;
  seed?: number;
  dataDir?: string;
  /** Documents per `upsert` call while building. */
  batchSize?: number;
  print?: boolean;
}

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface SearchEngineBenchRun {
  buildMs: number;
  /** What building the engine added (after a GC when node runs with --expose-gc). */
  engineMemory: EngineMemory;
  snapshotBytes: number;
  snapshotMs: number;
  reloadMs: number;
  reloadIdentical: boolean;
  latency: Record<LatencyGroup, Percentiles>;
  /** One document replaced at a time (as the outbox relay does), each followed by a filtered search. */
  singleUpsert: Percentiles;
  searchAfterUpsert: Percentiles;
  meanHits: number;
}

export interface SearchEngineBenchResult {
  docs: number;
  queries: number;
  runs: SearchEngineBenchRun[];
  /** Medians over the runs. */
  buildMs: number;
  /** The first run's (later runs reuse memory the process already holds, which hides RSS growth). */
  engineMemory: EngineMemory;
  snapshotBytes: number;
  snapshotMs: number;
  reloadMs: number;
  latency: Record<LatencyGroup, Percentiles>;
  singleUpsert: Percentiles;
  searchAfterUpsert: Percentiles;
  peakRssMb: number;
  maxRssMb: number;
  targets: { buildMs: number; p95Ms: number; rssMb: number; met: boolean };
}

export interface EngineMemory {
  rssMb: number;
  /** V8 heap: vocabulary strings, maps, small objects. */
  heapMb: number;
  /** Typed arrays and buffers: stored documents, forward index, typo dictionary, columns. */
  buffersMb: number;
  /** CRoaring's native allocations: postings, filter and facet bitmaps. */
  roaringMb: number;
}

type LatencyGroup = 'all' | 'textOnly' | 'filtered' | 'typo' | 'noTypo' | 'multiWord';

const TARGETS = { buildMs: 30_000, p95Ms: 15, rssMb: 1024 };

class RssSampler {
  peak = 0;
  sample(): void {
    const rss = process.memoryUsage().rss;
    if (rss > this.peak) this.peak = rss;
  }
}

export async function benchSearchEngine(options: SearchEngineBenchOptions = {}): Promise<SearchEngineBenchResult> {
  const docCount = options.docs ?? 100_000;
  const queryCount = options.queries ?? 1_000;
  const warmup = options.warmup ?? 200;
  const runCount = options.runs ?? 3;
  const seed = options.seed ?? 20250901;
  const batchSize = options.batchSize ?? 5_000;
  const dataDir = options.dataDir ?? defaultDataDir();
  const print = options.print ?? false;
  const rss = new RssSampler();
  rss.sample();

  const keywords = loadOfferKeywords(dataDir);
  const communes = loadCommunes(dataDir);
  const settings = benchSettings(loadSynonyms(dataDir));
  const documents = generateOffers(keywords, communes, docCount, seed);
  const queries = generateQueries(keywords, communes, queryCount, seed + 1);
  const warmupQueries = generateQueries(keywords, communes, warmup, seed + 2);
  rss.sample();
  if (print) console.log(`corpus: ${keywords.length} real offers resampled to ${documents.length} documents, ${communes.length} communes, ${settings.synonyms.length} synonym groups, ${queries.length} queries`);

  const runs: SearchEngineBenchRun[] = [];
  for (let run = 0; run < runCount; run++) {
    collectGarbage();
    runs.push(await benchRun(documents, settings, queries, warmupQueries, batchSize, rss));
    if (print) console.log(`run ${run + 1}/${runCount}: build ${fmt(runs[run].buildMs)} ms, p95 ${fmt(runs[run].latency.all.p95)} ms, p99 ${fmt(runs[run].latency.all.p99)} ms`);
  }

  const groups = Object.keys(runs[0].latency) as LatencyGroup[];
  const latency = Object.fromEntries(groups.map((group) => [group, medianPercentiles(runs.map((r) => r.latency[group]))])) as Record<LatencyGroup, Percentiles>;
  rss.sample();
  const peakRssMb = rss.peak / 2 ** 20;
  // maxRSS is in kilobytes on Linux.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const buildMs = median(runs.map((r) => r.buildMs));
  const result: SearchEngineBenchResult = {
    docs: documents.length,
    queries: queries.length,
    runs,
    buildMs,
    engineMemory: runs[0].engineMemory,
    snapshotBytes: median(runs.map((r) => r.snapshotBytes)),
    snapshotMs: median(runs.map((r) => r.snapshotMs)),
    reloadMs: median(runs.map((r) => r.reloadMs)),
    latency,
    singleUpsert: medianPercentiles(runs.map((r) => r.singleUpsert)),
    searchAfterUpsert: medianPercentiles(runs.map((r) => r.searchAfterUpsert)),
    peakRssMb,
    maxRssMb,
    targets: { ...TARGETS, met: buildMs <= TARGETS.buildMs && latency.all.p95 <= TARGETS.p95Ms && maxRssMb <= TARGETS.rssMb },
  };
  if (print) printResult(result);
  return result;
}

async function benchRun(
  documents: SearchDocument[],
  settings: ReturnType<typeof benchSettings>,
  queries: BenchQuery[],
  warmupQueries: BenchQuery[],
  batchSize: number,
  rss: RssSampler,
): Promise<SearchEngineBenchRun> {
  collectGarbage();
  const before = { ...process.memoryUsage(), roaring: getRoaringUsedMemory() };
  const buildStart = performance.now();
  const engine = new EmbeddedSearchEngine('offers');
  await engine.configure(settings);
  for (let at = 0; at < documents.length; at += batchSize) {
    await engine.upsert(documents.slice(at, at + batchSize));
    rss.sample();
  }
  const buildMs = performance.now() - buildStart;
  collectGarbage();
  const after = { ...process.memoryUsage(), roaring: getRoaringUsedMemory() };
  const engineMemory: EngineMemory = {
    rssMb: (after.rss - before.rss) / 2 ** 20,
    heapMb: (after.heapUsed - before.heapUsed) / 2 ** 20,
    buffersMb: (after.arrayBuffers - before.arrayBuffers) / 2 ** 20,
    roaringMb: (after.roaring - before.roaring) / 2 ** 20,
  };

  const snapshotStart = performance.now();
  const snapshot = engine.toSnapshot();
  const snapshotMs = performance.now() - snapshotStart;
  rss.sample();
  const reloadStart = performance.now();
  const reloaded = EmbeddedSearchEngine.fromSnapshot(snapshot, 'offers');
  const reloadMs = performance.now() - reloadStart;
  rss.sample();

  for (const query of warmupQueries) await engine.search(query.request);
  const samples: { ms: number; query: BenchQuery }[] = [];
  let hits = 0;
  for (let i = 0; i < queries.length; i++) {
    const query = queries[i];
    const start = performance.now();
    const result = await engine.search(query.request);
    samples.push({ ms: performance.now() - start, query });
    hits += result.totalCount;
    if (i % 50 === 0) rss.sample();
  }

  let reloadIdentical = true;
  for (const query of queries.slice(0, 100)) {
    if (!sameResult(await engine.search(query.request), await reloaded.search(query.request))) reloadIdentical = false;
  }
  rss.sample();

  const upserts: number[] = [];
  const searches: number[] = [];
  const filtered = queries.filter((q) => q.filtered);
  for (let i = 0; i < 200; i++) {
    const replaced = { ...documents[(i * 7919) % documents.length], publishedAtMs: Date.UTC(2025, 9, 1) + i * 60_000 };
    let start = performance.now();
    await engine.upsert([replaced]);
    upserts.push(performance.now() - start);
    start = performance.now();
    await engine.search(filtered[i % filtered.length].request);
    searches.push(performance.now() - start);
  }

  const group = (filter: (q: BenchQuery) => boolean) => percentiles(samples.filter((s) => filter(s.query)).map((s) => s.ms));
  return {
    buildMs,
    engineMemory,
    snapshotBytes: snapshot.length,
    snapshotMs,
    reloadMs,
    reloadIdentical,
    singleUpsert: percentiles(upserts),
    searchAfterUpsert: percentiles(searches),
    meanHits: hits / queries.length,
    latency: {
      all: group(() => true),
      textOnly: group((q) => !q.filtered),
      filtered: group((q) => q.filtered),
      typo: group((q) => q.typo),
      noTypo: group((q) => !q.typo),
      multiWord: group((q) => q.words > 1),
    },
  };
}

function sameResult(a: SearchResult, b: SearchResult): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

function medianPercentiles(all: Percentiles[]): Percentiles {
  return { count: all[0].count, p50: median(all.map((p) => p.p50)), p95: median(all.map((p) => p.p95)), p99: median(all.map((p) => p.p99)), max: median(all.map((p) => p.max)) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function fmt(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

function printResult(r: SearchEngineBenchResult): void {
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  const meanHits = median(r.runs.map((run) => run.meanHits));
  console.log(`\nEmbedded search engine, ${r.docs} documents, ${r.queries} queries (${meanHits.toFixed(0)} hits on average), medians over ${r.runs.length} run(s)`);
  console.table({
    build: { value: `${fmt(r.buildMs)} ms`, target: `≤ ${TARGETS.buildMs} ms` },
    snapshot: { value: `${mb(r.snapshotBytes)} in ${fmt(r.snapshotMs)} ms`, target: '' },
    reload: { value: `${fmt(r.reloadMs)} ms (identical results: ${r.runs.every((run) => run.reloadIdentical)})`, target: '' },
    'engine memory (first build)': {
      value: `RSS +${r.engineMemory.rssMb.toFixed(0)} MB (heap ${r.engineMemory.heapMb.toFixed(0)}, buffers ${r.engineMemory.buffersMb.toFixed(0)}, roaring ${r.engineMemory.roaringMb.toFixed(0)})`,
      target: '',
    },
    'peak RSS (sampled)': { value: `${r.peakRssMb.toFixed(0)} MB`, target: `≤ ${TARGETS.rssMb} MB` },
    maxRSS: { value: `${r.maxRssMb.toFixed(0)} MB`, target: `≤ ${TARGETS.rssMb} MB` },
  });
  const rows = { ...r.latency, 'single upsert': r.singleUpsert, 'search after upsert': r.searchAfterUpsert };
  console.table(
    Object.fromEntries(
      Object.entries(rows).map(([group, p]) => [group, { queries: p.count, 'p50 ms': fmt(p.p50), 'p95 ms': fmt(p.p95), 'p99 ms': fmt(p.p99), 'max ms': fmt(p.max) }]),
    ),
  );
  console.log(`targets (build ≤ 30 s, p95 ≤ 15 ms, RSS ≤ 1 GB): ${r.targets.met ? 'met' : 'NOT met'}`);
}

function argument(name: string): number | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : undefined;
}

if (require.main === module) {
  benchSearchEngine({ docs: argument('docs'), queries: argument('queries'), runs: argument('runs'), seed: argument('seed'), print: true }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
