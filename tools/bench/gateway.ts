import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFederated } from '../federation/federated';
import { printTable, writeResults } from './report';
import { startBenchApi } from './bench-api';

/**
 * `npm run bench -- gateway`: what the federated deployment's gateway adds to a request's
 * latency. The single-process API and the federated deployment (gateway, three subgraphs,
 * worker) run side by side on one SQLite database with the demo data; the same queries go
 * to each, one at a time over keep-alive connections, in alternating rounds so that what
 * else the machine does weighs on both alike. Reported: p50, p95 and p99 per deployment,
 * and the gateway's addition (federated minus single) at each.
 */
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 300);
const root = path.resolve(__dirname, '../../..');
const FEDERATED_BASE = 33_000 + Math.floor(Math.random() * 1000);

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

interface Request {
  query: string;
  variables: Record<string, unknown>;
  token?: string;
}

/** Sends `count` requests one after the other; returns each one's latency in ms. */
async function timeRequests(url: string, next: () => Request, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const { query, variables, token } = next();
    const started = performance.now();
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    latencies.push(performance.now() - started);
    if (!res.ok || body.errors) throw new Error(`request failed: ${res.status} ${JSON.stringify(body.errors)}`);
  }
  return latencies;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 100) / 100;
  return { count: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)) };
}

const SEARCH = `query Search($input: OfferSearchInput!) { searchOffers(input: $input) { totalCount edges { node { id title contractType location { city } organization { name } } } } }`;
const MATCH = `query Match($id: ID!) { matchOffersForCandidate(candidateId: $id, first: 20) { score eligible reasons { code contribution } offer { id title organization { name } } } }`;
const CROSS = `query Offer($id: ID!) { offer(id: $id) { id title applicationsCount organization { name } } }`;
const WORDS = ['développeur', 'vendeur', 'cuisinier', 'comptable', 'alternance', 'boulanger', 'assistant', 'technicien', 'commercial', 'logistique'];
const PLACES = [
  { lat: 45.75, lng: 4.85 },
  { lat: 48.86, lng: 2.35 },
  { lat: 43.6, lng: 1.44 },
  { lat: 47.22, lng: -1.55 },
];

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'alternance-bench-gateway-'));
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: `sqlite:${path.join(dataDir, 'db.sqlite')}`,
    DATA_DIR: dataDir,
    CATALOGUE_DIR: process.env.CATALOGUE_DIR ?? path.resolve(root, '../shared/data'),
    JWT_SECRET: 'bench-gateway-secret-0123456789abcdefghijklmnop',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    // A latency benchmark, not a rate-limit test.
    RATE_LIMIT_ENABLED: 'false',
  };
  console.log('starting the single-process API (migrations, catalogue, demo data)');
  const { child: single, url: singleUrl } = await startBenchApi(env);
  let federated: Awaited<ReturnType<typeof startFederated>> | undefined;
  try {
    console.log('starting the federated deployment on the same database');
    federated = await startFederated({
      env: { ...env, SEED_DEMO: 'false', JOBS_INTERVAL_SECONDS: '3600' },
      ports: { gateway: FEDERATED_BASE, jobBoard: FEDERATED_BASE + 1, talentMarketplace: FEDERATED_BASE + 2, matcher: FEDERATED_BASE + 3, worker: FEDERATED_BASE + 4 },
      onLine: (name, line) => {
        if (/"level":"(error|warn)"/.test(line)) console.error(`[${name}] ${line}`);
      },
    });
    const gatewayUrl = federated.gatewayUrl;

    const login = await gql(singleUrl, `mutation { logIn(input: { email: "recruiter@demo.alternance.test", password: "demo-password-2026" }) { accessToken } }`);
    const token = login.logIn.accessToken as string;
    const people = await gql(singleUrl, `{ searchCandidates(input: { first: 50 }) { edges { node { id } } } }`, {}, token);
    const candidateIds = (people.searchCandidates.edges as { node: { id: string } }[]).map((e) => e.node.id);
    const offers = await gql(singleUrl, `{ searchOffers(input: { first: 50 }) { edges { node { id } } } }`);
    const offerIds = (offers.searchOffers.edges as { node: { id: string } }[]).map((e) => e.node.id);
    if (!candidateIds.length || !offerIds.length) throw new Error('the demo data is missing');

    let s = 0;
    let m = 0;
    let c = 0;
    const scenarios: Record<string, () => Request> = {
      search: () => {
        const i = s++;
        return { query: SEARCH, variables: { input: { query: WORDS[i % WORDS.length], filters: { near: { ...PLACES[i % PLACES.length], radiusKm: 300 } }, first: 10 } } };
      },
      match: () => ({ query: MATCH, variables: { id: candidateIds[m++ % candidateIds.length] }, token }),
      'offer with a field of another subgraph': () => ({ query: CROSS, variables: { id: offerIds[c++ % offerIds.length] }, token }),
    };

    const results: Record<string, { single: ReturnType<typeof summary>; federated: ReturnType<typeof summary>; addedMs: { p50: number; p95: number; p99: number } }> = {};
    for (const [name, next] of Object.entries(scenarios)) {
      console.log(`${name}: warm-up`);
      await timeRequests(singleUrl, next, WARMUP);
      await timeRequests(gatewayUrl, next, WARMUP);
      const a: number[] = [];
      const b: number[] = [];
      const perRound = Math.ceil(REQUESTS / ROUNDS);
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate which goes first, too.
        const [first, second] = round % 2 ? [gatewayUrl, singleUrl] : [singleUrl, gatewayUrl];
        const x = await timeRequests(first, next, perRound);
        const y = await timeRequests(second, next, perRound);
        (first === singleUrl ? a : b).push(...x);
        (second === singleUrl ? a : b).push(...y);
      }
      const one = summary(a);
      const fed = summary(b);
      const added = (k: 'p50' | 'p95' | 'p99') => Math.round((fed[k] - one[k]) * 100) / 100;
      results[name] = { single: one, federated: fed, addedMs: { p50: added('p50'), p95: added('p95'), p99: added('p99') } };
    }

    const rows: [string, string][] = [];
    for (const [name, r] of Object.entries(results)) {
      rows.push([`${name}: single process`, `p50 ${r.single.p50} ms, p95 ${r.single.p95} ms, p99 ${r.single.p99} ms (${r.single.count} requests)`]);
      rows.push([`${name}: through the gateway`, `p50 ${r.federated.p50} ms, p95 ${r.federated.p95} ms, p99 ${r.federated.p99} ms`]);
      rows.push([`${name}: added by the gateway`, `p50 ${r.addedMs.p50} ms, p95 ${r.addedMs.p95} ms, p99 ${r.addedMs.p99} ms`]);
    }
    printTable(`gateway benchmark (${os.cpus().length} cores, load average at end ${os.loadavg()[0].toFixed(2)})`, rows);
    const target = (name: string) => ({ target: 5, measured: results[name].addedMs.p95, met: results[name].addedMs.p95 <= 5 });
    writeResults('gateway', {
      benchmark: 'gateway',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadAverageAtEnd: os.loadavg() },
      requestsPerScenarioAndDeployment: REQUESTS,
      rounds: ROUNDS,
      data: 'demo seed (SQLite)',
      results,
      targets: { searchAddedP95Ms: target('search'), matchAddedP95Ms: target('match') },
    });
  } finally {
    await federated?.stop(5_000);
    single.kill('SIGTERM');
    await new Promise((r) => single.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
