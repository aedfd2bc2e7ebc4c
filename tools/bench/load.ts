import 'reflect-metadata';
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { IndexableOffer, SearchDocument } from '@alternance/search/domain';
import { BenchQuery, defaultDataDir, generateOffers, generateQueries, loadCommunes, loadOfferKeywords, loadSynonyms } from './search-engine-corpus';
import { printTable, writeResults } from './report';
import { CONTRACTS, REMOTE, day, toIndexableOffer, uuid } from './bench-offers';
import { startBenchApi, writeBenchDatabase, writeBenchOfferIndex } from './bench-api';

/**
 * `npm run bench -- load`: the API under HTTP load on loopback, as one process on SQLite
 * holding 100,000 offers (the search benchmark's corpus) and the public catalogue, driven by
 * autocannon from this process. Scenarios: light reads, searches, applications, a mix of the
 * three, and the same mix at a fixed rate with and without 5% hostile documents (to see what
 * refusing them costs legitimate traffic). The hostile documents come from a client process of
 * their own, as an attacker's would: building and sending them never delays when the
 * legitimate requests are sent or timed.
 */
const DOCS = Number(process.env.BENCH_DOCS ?? 100_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const ROUNDS = Number(process.env.BENCH_HOSTILE_ROUNDS ?? 5);
const CANDIDATES = 40;
const root = path.resolve(__dirname, '../../..');


/**
 * The corpus's start dates are those of the real offers it was drawn from; moved by whole days
 * so that every start window lies ahead (candidates cannot apply to a start already past).
 */
let shiftDays = 0;

/** The generated corpus as the product's offers (as in the search benchmark), moved ahead by `shiftDays`. */
const toOffer = (raw: SearchDocument, i: number): IndexableOffer => toIndexableOffer(raw, i, shiftDays);

/** A generated query as `searchOffers` input. */
function toSearchInput(q: BenchQuery): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  for (const f of q.request.filters) {
    if (f.kind === 'in' && f.field === 'contractType') filters.contractTypes = f.values.map((v) => CONTRACTS[String(v)]);
    if (f.kind === 'in' && f.field === 'remotePolicy') filters.remotePolicies = f.values.map((v) => REMOTE[String(v)]);
    if (f.kind === 'geo') filters.near = { lat: f.lat, lng: f.lng, radiusKm: f.radiusKm };
    if (f.kind === 'range') {
      filters.startBefore = day(f.lte! + shiftDays);
      filters.startAfter = day(f.gte! + shiftDays - 60);
    }
  }
  const sort = q.request.sort.kind === 'distance' ? 'DISTANCE' : q.request.sort.kind === 'field' ? 'NEWEST' : 'RELEVANCE';
  return { query: q.request.text, filters, sort, first: q.request.limit, facets: ['CONTRACT_TYPE', 'REMOTE_POLICY', 'ROME_DOMAIN'] };
}

/** The database (offers open to applications for a year) and the offer index the API loads at start. */
async function prepareDatabase(dir: string, offers: IndexableOffer[], synonyms: string[][]): Promise<string> {
  const file = path.join(dir, 'load.sqlite');
  await writeBenchDatabase(file, offers, { expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString() });
  await writeBenchOfferIndex(dir, offers, synonyms);
  return file;
}

async function gql(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any };
}

interface Call {
  body: string;
  token?: string;
}

interface Measure {
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** 200 answers that carried GraphQL errors. */
  graphqlErrors: number;
  sampleError?: string;
  statusCodes: Record<string, number>;
}

/** The nearest-rank percentile `p` (0-100) of latencies in ms. */
function percentile(latencies: number[], p: number): number {
  const sorted = Float64Array.from(latencies).sort();
  return sorted.length ? +sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1) : 0;
}

/** `latencies`, when given, receives each answer's latency in ms (for percentiles over several rounds together). */
async function load(url: string, next: () => Call, options: { connections?: number; duration?: number; overallRate?: number; latencies?: number[] } = {}): Promise<Measure> {
  let graphqlErrors = 0;
  let sampleError: string | undefined;
  const run = autocannon({
    url: `${url}/graphql`,
    connections: options.connections ?? CONNECTIONS,
    duration: options.duration ?? DURATION,
    overallRate: options.overallRate,
    timeout: 30,
    requests: [
      {
        setupRequest: (request) => {
          const call = next();
          return {
            ...request,
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json', ...(call.token ? { authorization: `Bearer ${call.token}` } : {}) },
            body: call.body,
          };
        },
        onResponse: (_status, body) => {
          if (body.includes('"errors"')) {
            graphqlErrors++;
            sampleError ??= body.slice(0, 300);
          }
        },
      },
    ],
  });
  const latencies = options.latencies;
  if (latencies) run.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await run;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    total: result['2xx'] + result.non2xx,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors,
    ...(sampleError ? { sampleError } : {}),
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, Number(v.count)])),
  };
}

const OFFER = `query Offer($id: ID!) { offer(id: $id) { id title contractType location { city } organization { name } } }`;
const PROGRAMS = `query Programs { programs(first: 10) { totalCount edges { node { id title level durationMonths } } } }`;
const SEARCH = `query Search($input: OfferSearchInput!) { searchOffers(input: $input) { totalCount edges { cursor highlights { field snippet } node { id title contractType location { city lat lng } } } facets { field values { value count } } } }`;
const APPLY = `mutation Apply($input: ApplyInput!) { applyToOffer(input: $input) { id status } }`;
const PROFILE = `mutation Profile($input: CandidateProfileInput!) { upsertMyCandidateProfile(input: $input) { id headline } }`;

/** What an attacker sends: every one refused before execution (see e2e/hardening). */
function hostileBodies(): string[] {
  const nested = (levels: number) => Array.from({ length: levels }).reduce<string>((inner, _, i) => (i % 2 ? `organization { ${inner} }` : `offers { ${inner} }`), 'id');
  const q = (query: string) => JSON.stringify({ query });
  return [
    q(`{ offer(id: "${uuid(1)}") { ${nested(50)} } }`),
    q(`{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: programs(first: 1) { totalCount }`).join(' ')} }`),
    q(`{ programs(first: 1) { ${'totalCount '.repeat(5000)} } }`),
    q(`{ programs(first: 1) { ${Array.from({ length: 1000 }, (_, i) => `t${i}: totalCount @include(if: true)`).join(' ')} } }`),
    q(`{ offer(id: "${uuid(1)}") { ...G0 } } ${Array.from({ length: 30 }, (_, i) => `fragment G${i} on Offer { ${i < 29 ? `a: organization { offers { ...G${i + 1} } } b: organization { offers { ...G${i + 1} } }` : 'id'} }`).join(' ')}`),
    q(`{ programs(first: 99999999) { edges { node { id title } } } }`),
    JSON.stringify(Array.from({ length: 1000 }, () => ({ query: '{ __typename }' }))),
  ];
}

/**
 * CPU time (user + system, ms) a process has used, from Linux's /proc; undefined elsewhere. What
 * the API spends is a steadier measure of what refusing hostile documents costs than the p99 of
 * the legitimate requests, which a single stall of the machine can move by hundreds of ms.
 */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** USER_HZ: 100 on every Linux build this runs on. */
const CLOCK_TICKS = 100;

/** The share of one core `pid` used while `work` ran, in percent (undefined without /proc). */
async function measureCpu<T>(pid: number | undefined, work: () => Promise<T>): Promise<{ result: T; cpuPercent?: number }> {
  const before = cpuMs(pid);
  const started = Date.now();
  const result = await work();
  const after = cpuMs(pid);
  if (before === undefined || after === undefined) return { result };
  return { result, cpuPercent: +((100 * (after - before)) / (Date.now() - started)).toFixed(1) };
}

/**
 * The attacker, in a process of its own (this script run with `--hostile-client`), started and
 * loaded before the round: `run()` sends its documents for DURATION and resolves to its measure.
 */
async function hostileClient(url: string, rate: number): Promise<{ run: () => Promise<Measure> }> {
  const child = fork(__filename, ['--hostile-client'], { env: { ...process.env, HOSTILE_URL: url, HOSTILE_RATE: String(rate) } });
  const reply = (expected: string) =>
    new Promise<any>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the hostile client exited (${code}) before it ${expected}`));
      child.once('exit', onExit);
      child.once('message', (m) => {
        child.off('exit', onExit);
        resolve(m);
      });
    });
  await reply('was ready');
  return {
    run: async () => {
      try {
        child.send('go');
        return (await reply('reported')) as Measure;
      } finally {
        child.kill();
      }
    },
  };
}

/** What the hostile client process does: once told to, the hostile documents at HOSTILE_RATE for DURATION, over two connections. */
async function runHostileClient(): Promise<void> {
  const next = cycle(hostileBodies().map((body) => ({ body })));
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    process.send!('ready');
  });
  const measure = await load(process.env.HOSTILE_URL!, next, { overallRate: Number(process.env.HOSTILE_RATE), connections: 2 });
  process.send!(measure);
}

function mergeCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

function cycle<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length];
}

async function main(): Promise<void> {
  const loadAverageAtStart = os.loadavg().map((l) => +l.toFixed(2));
  const dataDir = defaultDataDir();
  const keywords = loadOfferKeywords(dataDir);
  const communes = loadCommunes(dataDir);
  const synonyms = loadSynonyms(dataDir);
  const raw = generateOffers(keywords, communes, DOCS, 20250901);
  const firstStart = raw.reduce((min, d) => Math.min(min, d.startEarliestDay as number), Infinity);
  shiftDays = Math.max(0, Math.floor(Date.now() / 86_400_000) + 30 - firstStart);
  const offers = raw.map(toOffer);
  const searches = generateQueries(keywords, communes, 1000, 20250902).map(toSearchInput);
  console.log(`load benchmark: ${offers.length} offers, ${searches.length} search queries, ${CONNECTIONS} connections, ${DURATION} s per scenario`);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'alternance-load-'));
  const file = await prepareDatabase(dir, offers, synonyms);
  console.log('database and index ready; starting the API (it loads the catalogue once)');
  const { child, url } = await startBenchApi(
    {
      NODE_ENV: 'production',
      JWT_SECRET: 'load-benchmark-secret-load-benchmark-secret',
      DATABASE_URL: `sqlite:${file}`,
      DATA_DIR: dir,
      CATALOGUE_DIR: path.join(root, '../shared/data'),
      SEED_DEMO: 'false',
      LOG_LEVEL,
      // Every request comes from one address and a few accounts: budgets that never bind, so
      // what is measured is the work (the limiter still counts every mutation).
      RATE_LIMIT_AUTH_PER_IP: '1000000',
      RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000000',
      RATE_LIMIT_WRITES_PER_IP: '10000000',
      RATE_LIMIT_WRITES_PER_ACCOUNT: '10000000',
    },
    32_000,
  );

  try {
    const tokens: string[] = [];
    for (let i = 0; i < CANDIDATES; i++) {
      const signUp = await gql(url, `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, {
        input: { email: `load-${i}@example.test`, password: 'load-benchmark-password', role: 'CANDIDATE', displayName: `Load ${i}` },
      });
      const token = signUp.data.signUp.accessToken as string;
      // Eligible for every offer of the corpus in metropolitan France: age, availability, reach.
      const profile = { headline: `Candidat ${i}`, visibility: 'PUBLIC', birthDate: '2006-05-01', jobSeeker: false, availableFrom: '2024-01-01', location: { country: 'FR', postcode: '45000' }, mobilityRadiusKm: 1000 };
      const saved = await gql(url, PROFILE, { input: profile }, token);
      if (saved.errors) throw new Error(`candidate profile refused: ${JSON.stringify(saved.errors)}`);
      tokens.push(token);
    }

    // Applications when the schema has them; else profile updates are the write.
    const probe = await gql(url, APPLY, { input: { offerId: uuid(0) } }, tokens[0]);
    const applications = !probe.errors || probe.errors[0].extensions?.code !== 'GRAPHQL_VALIDATION_FAILED';
    // Overseas offers are beyond any candidate's 1,000 km: applications go to the others.
    const reachable = offers.filter((o) => o.lat > 41 && o.lat < 51.5 && o.lng > -5.5 && o.lng < 10);
    let written = 1;
    const write = (): Call => {
      const n = written++;
      const token = tokens[n % CANDIDATES];
      if (!applications) return { token, body: JSON.stringify({ query: PROFILE, variables: { input: { headline: `Candidat ${n}` } } }) };
      // Each candidate applies to each offer once: pairs never repeat.
      return { token, body: JSON.stringify({ query: APPLY, variables: { input: { offerId: reachable[Math.floor(n / CANDIDATES) % reachable.length].id, message: 'Bonjour' } } }) };
    };
    let read = 0;
    const lightRead = (): Call =>
      read++ % 2
        ? { body: JSON.stringify({ query: PROGRAMS }) }
        : { body: JSON.stringify({ query: OFFER, variables: { id: offers[(read * 7919) % offers.length].id } }) };
    const nextSearch = cycle(searches.map((input) => ({ body: JSON.stringify({ query: SEARCH, variables: { input } }) })));
    let mixed = 0;
    const legitMix = (): Call => {
      const r = mixed++ % 20;
      return r === 0 ? write() : r < 7 ? nextSearch() : lightRead();
    };

    console.log('warming up (10 s)');
    await load(url, legitMix, { duration: 10 });
    console.log('light reads');
    const light = await load(url, lightRead);
    console.log('searches');
    const search = await load(url, nextSearch);
    console.log(applications ? 'applications' : 'profile updates (no applyToOffer in the schema)');
    const writes = await load(url, write, { connections: 4 });
    console.log('mix (65% light reads, 30% searches, 5% writes)');
    const mix = await load(url, legitMix);
    // Half the mix's capacity: a load the API carries, where a slowdown shows in p99.
    const rate = Math.max(20, Math.round(mix.requestsPerSecond / 2));
    const hostileRate = Math.max(1, Math.round((rate * 5) / 95));
    // Alternating rounds, so that what else the machine runs weighs on both sides alike.
    const rounds: { calm: Measure; attacked: Measure; hostile: Measure; apiCpuPercent: { calm?: number; attacked?: number } }[] = [];
    // Every legitimate answer's latency, all rounds of a side together: a round's own p99 is
    // set by its few slowest answers, which one stall of the machine decides.
    const calmLatencies: number[] = [];
    const attackedLatencies: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`round ${round}/${ROUNDS}: mix at ${rate} req/s, legitimate only`);
      const { result: calmRound, cpuPercent: calmCpu } = await measureCpu(child.pid, () => load(url, legitMix, { overallRate: rate, latencies: calmLatencies }));
      console.log(`round ${round}/${ROUNDS}: mix at ${rate} req/s with ${hostileRate} hostile req/s (5%)`);
      const attacker = await hostileClient(url, hostileRate);
      const {
        result: [attackedRound, hostileRound],
        cpuPercent: attackedCpu,
      } = await measureCpu(child.pid, () => Promise.all([load(url, legitMix, { overallRate: rate, latencies: attackedLatencies }), attacker.run()]));
      rounds.push({ calm: calmRound, attacked: attackedRound, hostile: hostileRound, apiCpuPercent: { calm: calmCpu, attacked: attackedCpu } });
    }
    const medianOf = (pick: (r: (typeof rounds)[number]) => Measure) => [...rounds].sort((a, b) => pick(a).latencyMs.p99 - pick(b).latencyMs.p99)[rounds.length >> 1];
    const calm = medianOf((r) => r.calm).calm;
    const attacked = medianOf((r) => r.attacked).attacked;
    const hostile = rounds.map((r) => r.hostile).reduce((a, b) => ({ ...a, total: a.total + b.total, statusCodes: mergeCounts(a.statusCodes, b.statusCodes) }));

    const legit = { light, search, writes, mix, ...Object.fromEntries(rounds.flatMap((r, i) => [[`calm${i}`, r.calm], [`attacked${i}`, r.attacked]])) };
    const non2xx = Object.values(legit).reduce((n, m) => n + m.non2xx + m.errors, 0);
    const median = (values: number[]) => (values.length ? [...values].sort((a, b) => a - b)[values.length >> 1] : undefined);
    const cpuCalm = median(rounds.flatMap((r) => (r.apiCpuPercent.calm === undefined ? [] : [r.apiCpuPercent.calm])));
    const cpuAttacked = median(rounds.flatMap((r) => (r.apiCpuPercent.attacked === undefined ? [] : [r.apiCpuPercent.attacked])));
    const pooled = (latencies: number[]) => ({ answers: latencies.length, p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99) });
    const pooledCalm = pooled(calmLatencies);
    const pooledAttacked = pooled(attackedLatencies);
    const increase = (before: number, after: number) => (before > 0 ? (after - before) / before : 0);
    const p99Increase = increase(pooledCalm.p99, pooledAttacked.p99);
    const medianP99Increase = increase(calm.latencyMs.p99, attacked.latencyMs.p99);
    const results = {
      benchmark: 'load',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadAverageAtStart },
      docs: offers.length,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      serverLogLevel: LOG_LEVEL,
      writeScenario: applications ? 'applyToOffer' : 'upsertMyCandidateProfile',
      scenarios: {
        lightReads: light,
        searches: search,
        writes,
        mix,
        hostileComparison: {
          rate,
          hostileRate,
          rounds,
          allRoundsLatencyMs: { calm: pooledCalm, attacked: pooledAttacked },
          medianP99Ms: { calm: calm.latencyMs.p99, attacked: attacked.latencyMs.p99, increase: +medianP99Increase.toFixed(3) },
          medianApiCpuPercent: { calm: cpuCalm, attacked: cpuAttacked },
        },
      },
      legitimateNon2xx: non2xx,
      hostileP99Increase: +p99Increase.toFixed(3),
      targets: {
        lightReadsPerSecond: { target: 1500, met: light.requestsPerSecond >= 1500 },
        lightReadsP99Ms: { target: 25, met: light.latencyMs.p99 <= 25 },
        searchesPerSecond: { target: 300, met: search.requestsPerSecond >= 300 },
        searchesP99Ms: { target: 100, met: search.latencyMs.p99 <= 100 },
        legitimateNon2xx: { target: 0, met: non2xx === 0 },
        hostileP99Increase: { target: 0.2, met: p99Increase < 0.2 },
      },
    };
    const percent = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)}%`;
    const pooledRow = (p: ReturnType<typeof pooled>) => `${p.answers} answers, p50 / p90 / p99 ${p.p50} / ${p.p90} / ${p.p99} ms`;
    const row = (m: Measure) =>
      `${m.requestsPerSecond} req/s, p50 / p90 / p99 ${m.latencyMs.p50} / ${m.latencyMs.p90} / ${m.latencyMs.p99} ms, non-2xx ${m.non2xx + m.errors}, GraphQL errors ${m.graphqlErrors}`;
    printTable('load', [
      ['light reads (offer, programs)', row(light)],
      [`searches (${offers.length} offers)`, row(search)],
      [applications ? 'applications (applyToOffer)' : 'profile updates', row(writes)],
      ['mix 65/30/5', row(mix)],
      [`mix at ${rate} req/s, ${ROUNDS} rounds`, pooledRow(pooledCalm)],
      [`same + ${hostileRate} hostile req/s, ${ROUNDS} rounds`, pooledRow(pooledAttacked)],
      ['p99 by round, without / with', rounds.map((r) => `${r.calm.latencyMs.p99} / ${r.attacked.latencyMs.p99} ms`).join(', ')],
      ['hostile answers', `${hostile.total} (${Object.entries(hostile.statusCodes).map(([k, v]) => `${k}: ${v}`).join(', ')})`],
      ['legit p99 with hostile traffic (all rounds)', percent(p99Increase)],
      ['same, median round against median round', `${calm.latencyMs.p99} to ${attacked.latencyMs.p99} ms, ${percent(medianP99Increase)}`],
      ['API CPU without / with hostile (median)', cpuCalm === undefined || cpuAttacked === undefined ? 'not measured (no /proc)' : `${cpuCalm}% / ${cpuAttacked}% of a core`],
      ['load average at start', loadAverageAtStart.join(' / ')],
    ]);
    writeResults('load', results);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

(process.argv.includes('--hostile-client') ? runHostileClient() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
