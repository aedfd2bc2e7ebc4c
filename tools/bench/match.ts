import { fork } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  MatchResult,
  RankedMatch,
  matchCandidatesForOffer,
  matchOffersForCandidate,
  prepareCandidatePool,
  prepareOfferPool,
  rankOffersForCandidate,
  rankPairs,
  scoreEveryPair,
} from '@alternance/matching/domain';
import { MatchCorpus, buildMatchCorpus } from './match-corpus';
import { Percentiles, percentiles } from './search-engine';
import { printTable, writeResults } from './report';

/**
 * `npm run bench -- match`: the matcher at 100,000 offers and 200,000 people generated from
 * the real catalogue (see match-corpus.ts). Measures, in one run:
 * - top-20 offers for a person and top-50 people for an offer, 1,000 queries each, on
 *   prepared pools (what the API keeps between queries);
 * - the same answers from scoring every pair with the public single-pair functions, on a
 *   sample, with the speed ratio;
 * - recommendations (top 20) for every person in one batch, in a process of its own with
 *   one thread per core (by default), each thread rebuilding the marketplace from the same
 *   seed as a worker would load it and keeping its share of the people, then checked against
 *   the single-query answers for a sample;
 * - resident memory: the process serving both kinds of query (after a GC), and the batch
 *   process's peak, its threads included. The naive check's garbage is not the matcher's.
 *
 * BENCH_OFFERS, BENCH_CANDIDATES, BENCH_QUERIES, BENCH_WORKERS change the sizes.
 */
const OFFERS = Number(process.env.BENCH_OFFERS ?? 100_000);
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 200_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? Math.max(1, Math.min(2, os.availableParallelism())));
const WARMUP = 100;
const NAIVE_CANDIDATES = 10;
const NAIVE_OFFERS = 4;
const BATCH_FIRST = 20;
const BATCH_SAMPLE = 200;

interface WorkerInput {
  worker: number;
  workers: number;
  sizes: { offers: number; candidates: number };
  sample: number[];
}

interface WorkerOutput {
  worker: number;
  people: number;
  recommendations: number;
  loadSeconds: number;
  batchSeconds: number;
  /** Answers for the sample rows this worker ran. */
  sample: [number, RankedMatch[]][];
}

const seconds = (from: number) => (performance.now() - from) / 1000;
const ms = (value: number) => `${value.toFixed(2)} ms`;
const fmtPercentiles = (p: Percentiles) => `p50 ${ms(p.p50)} · p95 ${ms(p.p95)} · p99 ${ms(p.p99)} · max ${ms(p.max)}`;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Rows spread over the whole pool, the same in every run. */
function spread(count: number, size: number, step = 7919): number[] {
  return Array.from({ length: Math.min(count, size) }, (_, q) => (q * step) % size);
}

function timeQueries<T>(rows: number[], run: (row: number) => T): { latency: Percentiles; answers: T[] } {
  const times: number[] = [];
  const answers: T[] = [];
  rows.forEach((row, q) => {
    const start = performance.now();
    const answer = run(row);
    if (q >= WARMUP) times.push(performance.now() - start);
    answers.push(answer);
  });
  return { latency: percentiles(times), answers };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The slow, obvious answers for a sample, and whether the fast matcher gave exactly them. */
function naiveCheck(corpus: MatchCorpus, fastOffers: (row: number) => MatchResult[], fastCandidates: (row: number) => MatchResult[]) {
  const { offers, candidates, reference, today } = corpus;
  const naiveOffer: number[] = [];
  const fastOffer: number[] = [];
  let offerSame = 0;
  for (const row of spread(NAIVE_CANDIDATES, candidates.length, 104_729)) {
    let start = performance.now();
    const expected = rankPairs(scoreEveryPair([candidates[row]], offers, reference, today), 'offer', { first: 20 });
    naiveOffer.push(performance.now() - start);
    start = performance.now();
    const got = fastOffers(row);
    fastOffer.push(performance.now() - start);
    if (isDeepStrictEqual(got, expected)) offerSame++;
  }
  const naiveCandidate: number[] = [];
  const fastCandidate: number[] = [];
  let candidateSame = 0;
  for (const row of spread(NAIVE_OFFERS, offers.length, 104_729)) {
    let start = performance.now();
    const expected = rankPairs(scoreEveryPair(candidates, [offers[row]], reference, today), 'candidate', { first: 50 });
    naiveCandidate.push(performance.now() - start);
    start = performance.now();
    const got = fastCandidates(row);
    fastCandidate.push(performance.now() - start);
    if (isDeepStrictEqual(got, expected)) candidateSame++;
  }
  return {
    offersForCandidate: { sample: naiveOffer.length, identical: offerSame, naiveMedianMs: median(naiveOffer), fastMedianMs: median(fastOffer), ratio: median(naiveOffer) / median(fastOffer) },
    candidatesForOffer: { sample: naiveCandidate.length, identical: candidateSame, naiveMedianMs: median(naiveCandidate), fastMedianMs: median(fastCandidate), ratio: median(naiveCandidate) / median(fastCandidate) },
  };
}

/** The batch as its own process (as a worker process would run it), with one thread per worker; reports its own peak memory. */
function runBatchProcess(sizes: WorkerInput['sizes'], sample: number[]): Promise<{ outputs: WorkerOutput[]; wallSeconds: number; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--batch'], { execArgv: ['--expose-gc'], env: { ...process.env, BENCH_BATCH_INPUT: JSON.stringify({ sizes, sample }) } });
    child.once('message', (message) => resolve(message as { outputs: WorkerOutput[]; wallSeconds: number; peakRssMb: number }));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`the batch process exited with ${code}`)));
  });
}

async function batchProcess(): Promise<void> {
  const { sizes, sample } = JSON.parse(process.env.BENCH_BATCH_INPUT as string) as Pick<WorkerInput, 'sizes' | 'sample'>;
  const start = performance.now();
  const outputs = await Promise.all(Array.from({ length: WORKERS }, (_, worker) => runWorker({ worker, workers: WORKERS, sizes, sample })));
  process.send!({ outputs, wallSeconds: seconds(start), peakRssMb: peakRssMb() }, undefined, {}, () => process.exit(0));
}

function runWorker(input: WorkerInput): Promise<WorkerOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: input });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`batch worker ${input.worker} exited with ${code}`)));
  });
}

/** One worker's share of the batch: every `workers`-th person, top 20 each, kept compactly as a store would. */
async function batchWorker(input: WorkerInput): Promise<void> {
  let start = performance.now();
  const { offers, candidates: everyone, reference, today } = await buildMatchCorpus(input.sizes);
  // A worker keeps its own share of the people only.
  const people = everyone.filter((_, row) => row % input.workers === input.worker);
  const total = everyone.length;
  everyone.length = 0;
  const pool = prepareOfferPool(offers, reference);
  const offerRow = new Map(offers.map((o, i) => [o.id, i]));
  const loadSeconds = seconds(start);
  const mine = people.length;
  const rows = new Int32Array(mine * BATCH_FIRST).fill(-1);
  const scores = new Uint16Array(mine * BATCH_FIRST);
  const wanted = new Set(input.sample);
  const sample: [number, RankedMatch[]][] = [];
  let recommendations = 0;
  start = performance.now();
  for (let row = input.worker, slot = 0; row < total; row += input.workers, slot++) {
    const ranked = rankOffersForCandidate(people[slot], pool, reference, today, { first: BATCH_FIRST });
    for (let k = 0; k < ranked.length; k++) {
      rows[slot * BATCH_FIRST + k] = offerRow.get(ranked[k].id) as number;
      scores[slot * BATCH_FIRST + k] = Math.round(ranked[k].score * 100);
    }
    recommendations += ranked.length;
    if (wanted.has(row)) sample.push([row, ranked]);
  }
  const batchSeconds = seconds(start);
  const output: WorkerOutput = { worker: input.worker, people: mine, recommendations, loadSeconds, batchSeconds, sample };
  parentPort!.postMessage(output);
}

async function main(): Promise<void> {
  const sizes = { offers: OFFERS, candidates: CANDIDATES };
  console.log(`matcher benchmark: ${OFFERS.toLocaleString('en')} offers, ${CANDIDATES.toLocaleString('en')} people, ${QUERIES} queries per direction, batch on ${WORKERS} worker(s)`);
  let start = performance.now();
  let corpus: MatchCorpus | null = await buildMatchCorpus(sizes);
  const corpusSeconds = seconds(start);
  start = performance.now();
  const offerPool = prepareOfferPool(corpus.offers, corpus.reference);
  const offerPoolSeconds = seconds(start);
  start = performance.now();
  const candidatePool = prepareCandidatePool(corpus.candidates, corpus.reference);
  const candidatePoolSeconds = seconds(start);
  const { reference, today, offers, candidates } = corpus;
  const fastOffers = (row: number) => matchOffersForCandidate(candidates[row], offerPool, reference, today, { first: 20 });
  const fastCandidates = (row: number) => matchCandidatesForOffer(offers[row], candidatePool, reference, today, { first: 50 });
  // The first queries also build the pools' lazy indexes: warm-up, not counted.
  const offersForCandidate = timeQueries(spread(QUERIES + WARMUP, candidates.length), fastOffers);
  const candidatesForOffer = timeQueries(spread(QUERIES + WARMUP, offers.length), fastCandidates);
  // What a process serving both kinds of query holds: the marketplace, both pools and their indexes.
  collectGarbage();
  const servingRssMb = process.memoryUsage().rss / 2 ** 20;
  console.log(`queries done; scoring every pair for ${NAIVE_CANDIDATES} people and ${NAIVE_OFFERS} offers…`);
  const naive = naiveCheck(corpus, fastOffers, fastCandidates);
  const sampleRows = spread(BATCH_SAMPLE, candidates.length, 15_485_863);
  const expectedSample = new Map(sampleRows.map((row) => [row, rankOffersForCandidate(candidates[row], offerPool, reference, today, { first: BATCH_FIRST })]));
  const singleSample = sampleRows.every((row) =>
    isDeepStrictEqual(
      expectedSample.get(row),
      fastOffers(row).map(({ id, score, eligible }) => ({ id, score, eligible })),
    ),
  );
  const resultsPerQuery = {
    offersForCandidate: offersForCandidate.answers.reduce((n, a) => n + a.length, 0) / offersForCandidate.answers.length,
    candidatesForOffer: candidatesForOffer.answers.reduce((n, a) => n + a.length, 0) / candidatesForOffer.answers.length,
  };
  corpus = null;
  offersForCandidate.answers.length = 0;
  candidatesForOffer.answers.length = 0;

  console.log(`batch: recommending ${BATCH_FIRST} offers to every person…`);
  const { outputs, wallSeconds: batchWallSeconds, peakRssMb: batchPeakRssMb } = await runBatchProcess(sizes, sampleRows);
  const batchSample = new Map(outputs.flatMap((o) => o.sample));
  const batchIdentical = sampleRows.filter((row) => isDeepStrictEqual(batchSample.get(row), expectedSample.get(row))).length;
  const batch = {
    workers: WORKERS,
    people: outputs.reduce((n, o) => n + o.people, 0),
    recommendations: outputs.reduce((n, o) => n + o.recommendations, 0),
    loadSecondsPerWorker: outputs.map((o) => o.loadSeconds),
    computeSecondsPerWorker: outputs.map((o) => o.batchSeconds),
    computeSeconds: Math.max(...outputs.map((o) => o.batchSeconds)),
    wallSeconds: batchWallSeconds,
    sample: sampleRows.length,
    sampleIdenticalToSingleQueries: batchIdentical,
  };

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    sizes,
    queries: QUERIES,
    setup: { corpusSeconds, offerPoolSeconds, candidatePoolSeconds },
    offersForCandidate: { first: 20, latency: offersForCandidate.latency, resultsPerQuery: resultsPerQuery.offersForCandidate },
    candidatesForOffer: { first: 50, latency: candidatesForOffer.latency, resultsPerQuery: resultsPerQuery.candidatesForOffer },
    naive,
    rankedEqualsExplained: singleSample,
    batch,
    memory: { servingRssMb, batchProcessPeakRssMb: batchPeakRssMb, benchmarkPeakRssMb: peakRssMb() },
    targets: { offersForCandidateP95Ms: 30, candidatesForOfferP95Ms: 60, batchSeconds: 300, rssMb: 2048 },
  };
  printTable('matcher', [
    ['corpus (generate from catalogue)', `${corpusSeconds.toFixed(1)} s`],
    ['offer pool / people pool', `${offerPoolSeconds.toFixed(1)} s / ${candidatePoolSeconds.toFixed(1)} s`],
    ['top 20 offers for a person', fmtPercentiles(offersForCandidate.latency)],
    ['top 50 people for an offer', fmtPercentiles(candidatesForOffer.latency)],
    ['results per query (offers / people)', `${resultsPerQuery.offersForCandidate.toFixed(1)} / ${resultsPerQuery.candidatesForOffer.toFixed(1)}`],
    [
      'naive: offers for a person',
      `${naive.offersForCandidate.identical}/${naive.offersForCandidate.sample} identical; median ${naive.offersForCandidate.naiveMedianMs.toFixed(0)} ms vs ${ms(naive.offersForCandidate.fastMedianMs)} (${naive.offersForCandidate.ratio.toFixed(0)}×)`,
    ],
    [
      'naive: people for an offer',
      `${naive.candidatesForOffer.identical}/${naive.candidatesForOffer.sample} identical; median ${naive.candidatesForOffer.naiveMedianMs.toFixed(0)} ms vs ${ms(naive.candidatesForOffer.fastMedianMs)} (${naive.candidatesForOffer.ratio.toFixed(0)}×)`,
    ],
    ['ranked = explained answers (sample)', singleSample ? 'yes' : 'NO'],
    ['batch: people / recommendations', `${batch.people.toLocaleString('en')} / ${batch.recommendations.toLocaleString('en')}`],
    ['batch: load per worker', batch.loadSecondsPerWorker.map((s) => `${s.toFixed(1)} s`).join(', ')],
    ['batch: compute (slowest worker)', `${batch.computeSeconds.toFixed(1)} s`],
    ['batch: wall, load included', `${batch.wallSeconds.toFixed(1)} s`],
    ['batch: sample equal to single queries', `${batch.sampleIdenticalToSingleQueries}/${batch.sample}`],
    ['RSS serving queries (both pools)', `${servingRssMb.toFixed(0)} MB`],
    ['batch process peak RSS (threads included)', `${batchPeakRssMb.toFixed(0)} MB`],
  ]);
  writeResults('match', results);
  const failures = [
    naive.offersForCandidate.identical !== naive.offersForCandidate.sample && 'offers for a person differ from the naive answers',
    naive.candidatesForOffer.identical !== naive.candidatesForOffer.sample && 'people for an offer differ from the naive answers',
    !singleSample && 'ranked answers differ from explained ones',
    batch.sampleIdenticalToSingleQueries !== batch.sample && 'batch answers differ from single queries',
  ].filter(Boolean);
  if (failures.length) {
    console.error(`\nWRONG ANSWERS: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}

if (isMainThread && process.argv.includes('--batch')) {
  batchProcess().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else if (isMainThread) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  batchWorker(workerData as WorkerInput).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
