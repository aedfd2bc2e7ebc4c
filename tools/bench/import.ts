import 'reflect-metadata';
import { fork } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { loadConfig } from '@alternance/platform/nest';
import { OutboxEventEntity } from '@alternance/platform/data-access';
import { OfferEntity } from '@alternance/offers/data-access';
import { OfferStatus } from '@alternance/offers/domain';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { OfferSourceEntity } from '@alternance/imports/data-access';
import { partnerFeedReaders } from '@alternance/imports/domain';
import { OfferImporter } from '@alternance/imports/feature';
import { SEARCH_INDEXES, SearchIndexes } from '@alternance/search/feature';
import { createApp } from '../../apps/api/src/bootstrap';
import { defaultDataDir } from './search-engine-corpus';
import { FeedStats, GeneratedFeed, generateFeeds } from './feeds/feed-generator';
import { printTable, writeResults } from './report';

/**
 * `npm run bench -- import [--offers 100000|1000000] [--db sqlite|postgresql] [--seed n] [--no-reimport]`:
 * partner feeds generated from the real corpus (feeds/feed-generator.ts: HelloWork XML,
 * Leboncoin CSV, Decathlon JSON, reposts across two boards, a few CDI and broken records),
 * imported into a fresh database (migrated, catalogue loaded by the API's own start-up) through
 * `OfferImporter` in a process of its own, as `npm run import:offers` runs it. Measures the
 * import's time and records/s, the importer's peak resident memory (the embedded search index
 * it keeps up to date included), then imports the same feeds again (time; nothing may be
 * written), and checks that the search index holds every offer the database has to show.
 *
 * Feeds are cached under BENCH_FEEDS_DIR (default the system temp folder) by size and seed.
 */
const FLAGS = new Map<string, string>();
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) if (argv[i].startsWith('--') && argv[i] !== '--child' && argv[i] !== '--no-reimport') FLAGS.set(argv[i].slice(2), argv[i + 1]);
}
const OFFERS = Number(FLAGS.get('offers') ?? 100_000);
const DB = (FLAGS.get('db') ?? 'sqlite') as 'sqlite' | 'postgresql';
const SEED = Number(FLAGS.get('seed') ?? 20260901);
const PG_ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
/** The benchmark's own PostgreSQL database, next to the tests' (its name says "test": it is wiped). */
const PG_BENCH_DB = 'alternance_import_bench_test';

interface ImportPass {
  seconds: number;
  perFeed: { source: string; seconds: number; read: number; created: number; updated: number; unchanged: number; merged: number; skipped: number; rejected: number; flagged: number; status: string; reasons: Record<string, number> }[];
  outboxEvents: number;
  offersWritten: number;
  sourcesWritten: number;
}

interface ChildResult {
  startupSeconds: number;
  rssAfterStartupMb: number;
  first: ImportPass & { peakRssMb: number };
  again: ImportPass & { peakRssMb: number };
  index: { offers: number; indexable: number; published: number; drafts: number; organizations: number; sources: number; upToDate: boolean };
  closeSeconds: number;
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Runs in the child: the API's application (no HTTP server), the importer, the checks. */
async function child(): Promise<void> {
  const feeds = JSON.parse(process.env.BENCH_IMPORT_FEEDS as string) as GeneratedFeed[];
  let start = performance.now();
  const config = { ...loadConfig(), jobsIntervalSeconds: 0 };
  const app = await createApp(config);
  const startupSeconds = (performance.now() - start) / 1000;
  const rssAfterStartupMb = mb(process.memoryUsage().rss);
  const orm = app.get(MikroORM);
  const importer = app.get(OfferImporter);
  const indexes = app.get<SearchIndexes>(SEARCH_INDEXES);
  const counts = async (since: Date) => {
    const em = orm.em.fork();
    const [latest] = await em.find(OutboxEventEntity, {}, { orderBy: { id: 'desc' }, limit: 1, fields: ['id'] });
    return { outbox: Number(latest?.id ?? 0), offersWritten: await em.count(OfferEntity, { updatedAt: { $gte: since } }), sources: await em.count(OfferSourceEntity, {}) };
  };
  const pass = async (): Promise<ImportPass> => {
    const since = new Date();
    const before = await counts(since);
    const t0 = performance.now();
    const perFeed: ImportPass['perFeed'] = [];
    for (const feed of feeds) {
      const t = performance.now();
      let next = 50_000;
      // A line every 50,000 records: how the rate and the memory move as the database grows.
      const onProgress = (p: { read: number }) => {
        if (p.read < next) return;
        next += 50_000;
        process.stderr.write(`  progress ${JSON.stringify({ source: feed.source, read: p.read, seconds: Math.round((performance.now() - t0) / 100) / 10, rssMb: mb(process.memoryUsage().rss) })}\n`);
      };
      const run = await importer.run({ reader: partnerFeedReaders[feed.source], input: createReadStream(feed.file, { highWaterMark: 1 << 20 }), location: feed.file, complete: true, onProgress });
      const { read, created, updated, unchanged, merged, skipped, rejected, flagged, status } = run;
      // The reasons of the rejections the run kept (the first 100).
      const reasons: Record<string, number> = {};
      for (const r of run.rejections) reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
      perFeed.push({ source: feed.source, seconds: (performance.now() - t) / 1000, read, created, updated, unchanged, merged, skipped, rejected, flagged, status, reasons });
      process.stderr.write(`  ${feed.source}: ${JSON.stringify(perFeed[perFeed.length - 1])}\n`);
    }
    const seconds = (performance.now() - t0) / 1000;
    const after = await counts(since);
    // Offers created or modified (their updated_at moved) and sources added; a source's last-seen date moves on every run by design.
    return { seconds, perFeed, outboxEvents: after.outbox - before.outbox, offersWritten: after.offersWritten, sourcesWritten: after.sources - before.sources };
  };
  const first = { ...(await pass()), peakRssMb: peakRssMb() };
  const em = orm.em.fork();
  const published = await em.count(OfferEntity, { status: OfferStatus.PUBLISHED });
  const drafts = await em.count(OfferEntity, { status: OfferStatus.DRAFT });
  const index = {
    offers: await em.count(OfferEntity, {}),
    indexable: await indexes.offers.count(),
    published,
    drafts,
    organizations: await em.count(OrganizationEntity, {}),
    sources: await em.count(OfferSourceEntity, {}),
    upToDate: false,
  };
  index.upToDate = index.indexable === published + drafts;
  // --no-reimport: the first import only (a long run that must end before something else).
  const again = process.env.BENCH_IMPORT_ONCE ? { seconds: 0, perFeed: [], outboxEvents: 0, offersWritten: 0, sourcesWritten: 0, peakRssMb: peakRssMb() } : { ...(await pass()), peakRssMb: peakRssMb() };
  start = performance.now();
  await app.close();
  const closeSeconds = (performance.now() - start) / 1000;
  const result: ChildResult = { startupSeconds, rssAfterStartupMb, first, again, index, closeSeconds };
  process.send!(result, undefined, {}, () => process.exit(0));
}

async function freshDatabase(dir: string): Promise<string> {
  if (DB === 'sqlite') return `sqlite:${path.join(dir, 'bench.sqlite')}`;
  const admin = await MikroORM.init({ driver: PostgreSqlDriver, clientUrl: PG_ADMIN_URL, entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: true });
  try {
    await admin.em.getConnection().execute(`drop database if exists ${PG_BENCH_DB}`);
    await admin.em.getConnection().execute(`create database ${PG_BENCH_DB}`);
  } finally {
    await admin.close(true);
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${PG_BENCH_DB}`;
  return url.toString();
}

function runChild(env: Record<string, string>): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const proc = fork(__filename, ['--child'], { env: { ...process.env, ...env }, execArgv: process.env.BENCH_IMPORT_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_IMPORT_PROF}`] : [] });
    let result: ChildResult | undefined;
    proc.once('message', (message) => (result = message as ChildResult));
    proc.once('error', reject);
    proc.once('exit', (code) => (result ? resolve(result) : reject(new Error(`the import process exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const dataDir = defaultDataDir();
  const feedsDir = path.join(process.env.BENCH_FEEDS_DIR || os.tmpdir(), `alternance-feeds-${OFFERS}-${SEED}`);
  console.log(`import benchmark: ${OFFERS.toLocaleString('en')} records on ${DB}, feeds in ${feedsDir}`);
  const feeds: FeedStats = await generateFeeds({ offers: OFFERS, seed: SEED, dir: feedsDir, dataDir });
  console.log(`feeds: ${feeds.feeds.map((f) => `${f.source} ${f.records} (${mb(f.bytes)} MB)`).join(', ')}; ${feeds.duplicates} reposts, ${feeds.bad} broken, ${feeds.cdi} CDI (generated in ${feeds.seconds.toFixed(1)} s)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alternance-import-bench-'));
  try {
    const databaseUrl = await freshDatabase(dir);
    const result = await runChild({
      BENCH_IMPORT_FEEDS: JSON.stringify(feeds.feeds),
      ...(process.argv.includes('--no-reimport') ? { BENCH_IMPORT_ONCE: '1' } : {}),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dir,
      CATALOGUE_DIR: dataDir,
      LOG_LEVEL: 'error',
      SEED_DEMO: 'false',
      NODE_ENV: 'development',
    });
    const records = feeds.feeds.reduce((sum, f) => sum + f.records, 0);
    const sum = (p: ImportPass, key: 'created' | 'updated' | 'unchanged' | 'merged' | 'skipped' | 'rejected' | 'flagged') => p.perFeed.reduce((s, f) => s + f[key], 0);
    const againWrote = sum(result.again, 'created') + sum(result.again, 'updated') + result.again.outboxEvents + result.again.sourcesWritten + result.again.offersWritten;
    const results = {
      benchmark: 'import',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
      db: DB,
      records,
      feeds,
      startupSeconds: result.startupSeconds,
      rssAfterStartupMb: result.rssAfterStartupMb,
      first: { ...result.first, recordsPerSecond: records / result.first.seconds },
      again: { ...result.again, recordsPerSecond: records / result.again.seconds, wrote: againWrote },
      index: result.index,
      closeSeconds: result.closeSeconds,
      targets: {
        importSeconds: { target: 600, met: result.first.seconds <= 600 },
        importerRssMb: { target: 1536, met: result.first.peakRssMb <= 1536 },
        indexUpToDate: { met: result.index.upToDate },
        reimportSeconds: { target: 180, met: result.again.seconds <= 180 },
        reimportWritesNothing: { met: againWrote === 0 },
      },
    };
    const fmt = (p: ImportPass) =>
      `${p.seconds.toFixed(1)} s (${Math.round(records / p.seconds)} records/s): ${sum(p, 'created')} created, ${sum(p, 'updated')} updated, ${sum(p, 'unchanged')} unchanged, ${sum(p, 'merged')} merged, ${sum(p, 'skipped')} skipped, ${sum(p, 'rejected')} rejected`;
    printTable(`import (${DB}, ${records.toLocaleString('en')} records)`, [
      ['API start (migrations, catalogue)', `${result.startupSeconds.toFixed(1)} s, RSS ${result.rssAfterStartupMb} MB`],
      ['import', fmt(result.first)],
      ...result.first.perFeed.map((f): [string, string] => [`  ${f.source}`, `${f.seconds.toFixed(1)} s, ${f.read} read (${f.status})`]),
      ['importer peak RSS', `${result.first.peakRssMb} MB`],
      ['search index', `${result.index.indexable} documents; database ${result.index.published} published + ${result.index.drafts} drafts → ${result.index.upToDate ? 'up to date' : 'NOT up to date'}`],
      ['organizations / sources', `${result.index.organizations} / ${result.index.sources}`],
      ['re-import of the same feeds', fmt(result.again)],
      ['re-import wrote', `${againWrote} (outbox events ${result.again.outboxEvents}, offers ${result.again.offersWritten}, sources ${result.again.sourcesWritten})`],
      ['peak RSS after both', `${result.again.peakRssMb} MB`],
      ['close (index snapshot persisted)', `${result.closeSeconds.toFixed(1)} s`],
    ]);
    writeResults(`import-${DB}-${OFFERS}`, results);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--child')) {
  child().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
