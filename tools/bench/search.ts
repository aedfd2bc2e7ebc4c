import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { OFFER_INDEX, OFFER_INDEX_SETTINGS, PUBLIC_AUDIENCE, SearchDocument, SearchRequest, offerDocument, IndexableOffer, Filter } from '@alternance/search/domain';
import { EmbeddedSearchEngine } from '@alternance/search/engine';
import { BenchQuery, defaultDataDir, generateOffers, generateQueries, loadCommunes, loadOfferKeywords, loadSynonyms } from './search-engine-corpus';
import { Percentiles, percentiles } from './search-engine';
import { printTable, writeResults } from './report';
import { CONTRACTS, REMOTE, day, toIndexableOffer } from './bench-offers';
import { startBenchApi, writeBenchDatabase, writeBenchOfferIndex } from './bench-api';
import { loadOccupations } from '../eval/search/corpus';

/**
 * `npm run bench -- search`: the job board's search at 100,000 offers resampled from the
 * real corpus, measured three ways on the same 1,000 queries: the search port (embedded
 * engine, as the service calls it), the whole API through HTTP GraphQL (a separate server
 * process on loopback), and PostgreSQL full-text search (tsvector + pg_trgm), the baseline a
 * team would otherwise pick.
 */
const DOCS = Number(process.env.BENCH_DOCS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1_000);
const WARMUP = 200;
const root = path.resolve(__dirname, '../../..');

function toRequest(q: BenchQuery): SearchRequest {
  const filters: Filter[] = [{ kind: 'in', field: 'audience', values: [PUBLIC_AUDIENCE] }];
  for (const f of q.request.filters) {
    if (f.kind === 'in' && f.field === 'contractType') filters.push({ ...f, values: f.values.map((v) => CONTRACTS[String(v)]) });
    else if (f.kind === 'in' && f.field === 'remotePolicy') filters.push({ ...f, values: f.values.map((v) => REMOTE[String(v)]) });
    else filters.push(f);
  }
  const facets = ['contractType', 'remotePolicy', 'romeDomain'];
  return { ...q.request, filters, facets };
}

/** The same search as a GraphQL query. */
function toGraphql(r: SearchRequest): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  for (const f of r.filters) {
    if (f.kind === 'in' && f.field === 'contractType') filters.contractTypes = f.values;
    if (f.kind === 'in' && f.field === 'remotePolicy') filters.remotePolicies = f.values;
    if (f.kind === 'geo') filters.near = { lat: f.lat, lng: f.lng, radiusKm: f.radiusKm };
    if (f.kind === 'range') {
      filters.startBefore = day(f.lte!);
      filters.startAfter = day(f.gte! - 60);
    }
  }
  const sort = r.sort.kind === 'distance' ? 'DISTANCE' : r.sort.kind === 'field' ? 'NEWEST' : 'RELEVANCE';
  return { query: r.text, filters, sort, first: r.limit, facets: ['CONTRACT_TYPE', 'REMOTE_POLICY', 'ROME_DOMAIN'] };
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

async function measure(requests: unknown[], run: (r: any) => Promise<unknown>): Promise<Percentiles> {
  for (const r of requests.slice(0, WARMUP)) await run(r);
  const latencies: number[] = [];
  for (const r of requests) latencies.push((await time(() => run(r)))[0]);
  return percentiles(latencies);
}

async function serviceLayer(docs: SearchDocument[], requests: SearchRequest[], synonyms: string[][]) {
  const rssBefore = process.memoryUsage().rss;
  const engine = new EmbeddedSearchEngine(OFFER_INDEX, { ...OFFER_INDEX_SETTINGS, synonyms });
  const [buildMs] = await time(() => {
    for (let i = 0; i < docs.length; i += 5000) engine.upsertSync(docs.slice(i, i + 5000));
  });
  const latency = await measure(requests, (r) => engine.search(r));
  const rssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
  return { buildMs: Math.round(buildMs), latency, rssMb, rssAddedMb: Math.round((process.memoryUsage().rss - rssBefore) / 2 ** 20) };
}

async function throughGraphql(offers: IndexableOffer[], requests: SearchRequest[], synonyms: string[][]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alternance-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  let insertMs = 0;
  await writeBenchDatabase(file, offers, { timeInsert: async (insert) => ([insertMs] = await time(insert)) });
  // The index the API loads at start: the same engine, persisted as the embedded adapter does.
  await writeBenchOfferIndex(dir, offers, synonyms);
  const api = await startBenchApi({ DATABASE_URL: `sqlite:${file}`, DATA_DIR: dir, CATALOGUE_DIR: path.join(root, '../shared/data'), LOG_LEVEL: 'error', SEED_DEMO: 'false', NODE_ENV: 'development' });
  const { child } = api;
  const url = `${api.url}/graphql`;
  const query = `query ($input: OfferSearchInput!) { searchOffers(input: $input) { totalCount edges { cursor highlights { field snippet } node { id title contractType location { city lat lng } } } facets { field values { value count } } } }`;
  let failures = 0;
  const latency = await measure(
    requests.map(toGraphql),
    async (input) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { input } }) });
      const body = (await res.json()) as { errors?: unknown[] };
      if (!res.ok || body.errors) failures++;
    },
  );
  // The API persists its index on the way out: its folder goes once it has exited.
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
  return { insertMs: Math.round(insertMs), latency, failures };
}

/** PostgreSQL full-text search on the same data: French tsvector with unaccent, pg_trgm for typos. */
async function postgresBaseline(offers: IndexableOffer[], requests: SearchRequest[]) {
  const orm = await MikroORM.init({ driver: PostgreSqlDriver, clientUrl: process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test', entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: true });
  const conn = orm.em.getConnection();
  await conn.execute('drop schema if exists bench cascade; create schema bench; create extension if not exists pg_trgm; create extension if not exists unaccent;');
  await conn.execute(`create table bench.offers (id uuid primary key, title text, description text, organization_name text, contract_type text, remote_policy text, rome_domain text, lat double precision, lng double precision, start_day int, published_ms bigint, doc tsvector, folded_title text)`);
  const [loadMs] = await time(async () => {
    for (let i = 0; i < offers.length; i += 1000) {
      const chunk = offers.slice(i, i + 1000);
      const values = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
      const params = chunk.flatMap((o) => [o.id, o.title, o.description, o.organizationName, o.contractType, o.remotePolicy, o.romeCode[0], o.lat, o.lng, Math.floor(Date.parse(o.startEarliest) / 86_400_000), o.publishedAt!.getTime()]);
      await conn.execute(`insert into bench.offers (id, title, description, organization_name, contract_type, remote_policy, rome_domain, lat, lng, start_day, published_ms) values ${values}`, params);
    }
    await conn.execute(`update bench.offers set doc = setweight(to_tsvector('french', unaccent(title)), 'A') || setweight(to_tsvector('french', unaccent(description)), 'B') || setweight(to_tsvector('french', unaccent(organization_name)), 'C'), folded_title = lower(unaccent(title))`);
    await conn.execute(`create index on bench.offers using gin (doc); create index on bench.offers using gin (folded_title gin_trgm_ops); create index on bench.offers (lat, lng); analyze bench.offers;`);
  });
  const search = async (r: SearchRequest) => {
    const where: string[] = [];
    const params: unknown[] = [];
    const filterSql = (skip?: string) => {
      const parts: string[] = [];
      const p: unknown[] = [];
      for (const f of r.filters) {
        if (f.kind === 'in' && f.field !== 'audience' && f.field !== skip) {
          const column = f.field === 'contractType' ? 'contract_type' : 'remote_policy';
          parts.push(`${column} in (${f.values.map(() => '?').join(', ')})`);
          p.push(...f.values);
        }
        if (f.kind === 'range') {
          parts.push('start_day between ? and ?');
          p.push(f.gte, f.lte);
        }
        if (f.kind === 'geo') {
          const dLat = f.radiusKm / 111;
          const dLng = f.radiusKm / (111 * Math.cos((f.lat * Math.PI) / 180));
          parts.push(`lat between ? and ? and lng between ? and ? and 6371 * 2 * asin(sqrt(power(sin(radians(lat - ?) / 2), 2) + cos(radians(?)) * cos(radians(lat)) * power(sin(radians(lng - ?) / 2), 2))) <= ?`);
          p.push(f.lat - dLat, f.lat + dLat, f.lng - dLng, f.lng + dLng, f.lat, f.lat, f.lng, f.radiusKm);
        }
      }
      return { parts, p };
    };
    // Words must all match, by stem or, for typos, by trigram similarity of the title.
    const text = (r.text ?? '').trim();
    if (text) {
      where.push(`(doc @@ plainto_tsquery('french', unaccent(?)) or folded_title % lower(unaccent(?)))`);
      params.push(text, text);
    }
    const own = filterSql();
    const all = [...where, ...own.parts];
    const whereSql = all.length ? `where ${all.join(' and ')}` : '';
    const order = r.sort.kind === 'field' ? 'published_ms desc' : text ? `ts_rank(doc, plainto_tsquery('french', unaccent(?))) desc` : 'published_ms desc';
    await conn.execute(`select id from bench.offers ${whereSql} order by ${order} limit ${r.limit} offset ${r.offset}`, [...params, ...own.p, ...(order.includes('?') ? [text] : [])]);
    await conn.execute(`select count(*) from bench.offers ${whereSql}`, [...params, ...own.p]);
    for (const facet of ['contractType', 'remotePolicy', 'romeDomain']) {
      const f = filterSql(facet);
      const w = [...where, ...f.parts];
      const column = facet === 'contractType' ? 'contract_type' : facet === 'remotePolicy' ? 'remote_policy' : 'rome_domain';
      await conn.execute(`select ${column}, count(*) from bench.offers ${w.length ? `where ${w.join(' and ')}` : ''} group by 1`, [...params, ...f.p]);
    }
  };
  const latency = await measure(requests, search);
  await conn.execute('drop schema bench cascade');
  await orm.close(true);
  return { loadMs: Math.round(loadMs), latency };
}

async function main(): Promise<void> {
  const dataDir = defaultDataDir();
  const keywords = loadOfferKeywords(dataDir);
  const communes = loadCommunes(dataDir);
  const synonyms = loadSynonyms(dataDir);
  // Indexed as the product indexes them: with their occupation's ROME name and job titles.
  const occupations = loadOccupations(dataDir);
  const offers = generateOffers(keywords, communes, DOCS, 20250901).map((raw, i) => {
    const offer = toIndexableOffer(raw, i);
    const occupation = occupations.get(offer.romeCode);
    return { ...offer, occupationLabels: occupation ? [occupation.label, ...occupation.jobTitles] : [] };
  });
  const requests = generateQueries(keywords, communes, QUERIES, 20250902).map(toRequest);
  const docs = offers.map(offerDocument);
  console.log(`search benchmark: ${offers.length} offers, ${requests.length} queries (typos in about a third, filters in half, facets in all)`);

  const service = await serviceLayer(docs, requests, synonyms);
  console.log('service layer done');
  const graphql = await throughGraphql(offers, requests, synonyms);
  console.log('GraphQL done');
  const postgres = await postgresBaseline(offers, requests);
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

  const results = {
    benchmark: 'search',
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    docs: offers.length,
    queries: requests.length,
    embedded: { buildMs: service.buildMs, rssMb: service.rssMb, latency: service.latency },
    graphql: { latency: graphql.latency, failures: graphql.failures, sqliteInsertMs: graphql.insertMs },
    postgres: { loadAndIndexMs: postgres.loadMs, latency: postgres.latency },
    benchProcessMaxRssMb: maxRssMb,
    ratios: { postgresP95OverEmbeddedP95: +(postgres.latency.p95 / service.latency.p95).toFixed(1) },
    targets: {
      buildMs: { target: 30_000, met: service.buildMs <= 30_000 },
      serviceP95Ms: { target: 15, met: service.latency.p95 <= 15 },
      graphqlP95Ms: { target: 30, met: graphql.latency.p95 <= 30 },
      p95VsPostgres: { target: 3, met: postgres.latency.p95 / service.latency.p95 >= 3 },
      rssMb: { target: 1024, met: service.rssMb <= 1024 },
    },
  };
  printTable('search', [
    [`embedded build (${offers.length} offers)`, `${service.buildMs} ms`],
    ['embedded RSS after build + queries', `${service.rssMb} MB`],
    ['service p50 / p95 / p99', `${service.latency.p50.toFixed(2)} / ${service.latency.p95.toFixed(2)} / ${service.latency.p99.toFixed(2)} ms`],
    ['GraphQL p50 / p95 / p99', `${graphql.latency.p50.toFixed(2)} / ${graphql.latency.p95.toFixed(2)} / ${graphql.latency.p99.toFixed(2)} ms (${graphql.failures} failures)`],
    ['PostgreSQL FTS p50 / p95 / p99', `${postgres.latency.p50.toFixed(2)} / ${postgres.latency.p95.toFixed(2)} / ${postgres.latency.p99.toFixed(2)} ms`],
    ['PostgreSQL p95 / embedded p95', `${results.ratios.postgresP95OverEmbeddedP95}×`],
  ]);
  writeResults('search', results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

