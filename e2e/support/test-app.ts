import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ManualClock } from '@alternance/platform/domain';
import { AppConfig, loadConfig } from '@alternance/platform/nest';
import { createApp } from '@alternance/api';

export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; reason?: string; field?: string; fields?: { path: string; message: string }[] } }[];
}

export interface TestApp {
  url: string;
  app: INestApplication;
  orm: MikroORM;
  clock: ManualClock;
  config: AppConfig;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

/** Tables tests write to, children first; the catalogue is shared and read-only. */
const MUTABLE_TABLES = ['outcomes', 'marketplace_exposures', 'offer_sources', 'import_runs', 'outbox_events', 'saved_search_matches', 'saved_searches', 'offer_expiry_notices', 'notifications', 'candidates', 'offers', 'users', 'organizations'];

/** Empties the tables tests write to, before the app starts (and indexes what it finds). */
export async function truncate(url: string): Promise<void> {
  const orm = await MikroORM.init({ driver: PostgreSqlDriver, clientUrl: url, entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: true });
  try {
    await orm.em.getConnection().execute(`truncate ${MUTABLE_TABLES.map((t) => `"${t}"`).join(', ')} cascade`);
  } finally {
    await orm.close(true);
  }
}

export const engine = (process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite') as 'sqlite' | 'postgresql';

/**
 * A fresh copy of the prepared test database for API processes a test starts: the SQLite
 * template copied into `dir` (as `db.sqlite`), or the PostgreSQL template with its writable
 * tables emptied. Returns its DATABASE_URL.
 */
export async function freshDatabaseUrl(dir: string): Promise<string> {
  const template = process.env.TEST_DB_TEMPLATE;
  if (!template) throw new Error('TEST_DB_TEMPLATE is not set: run through the integration or e2e Jest project.');
  if (engine === 'postgresql') {
    await truncate(template);
    return template;
  }
  copyFileSync(template, path.join(dir, 'db.sqlite'));
  return `sqlite:${path.join(dir, 'db.sqlite')}`;
}

/** A bare ORM (no entities) on a DATABASE_URL from `freshDatabaseUrl`, for a test's own SQL next to a running API. */
export async function bareOrm(databaseUrl: string): Promise<MikroORM> {
  const base = { entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: true };
  if (engine === 'postgresql') return MikroORM.init({ ...base, driver: PostgreSqlDriver, clientUrl: databaseUrl });
  const { BetterSqliteDriver } = await import('@mikro-orm/better-sqlite');
  return MikroORM.init({ ...base, driver: BetterSqliteDriver, dbName: databaseUrl.replace(/^sqlite:/, '') });
}

/**
 * The whole API over HTTP on a fresh database: a copy of the prepared SQLite file, or the
 * prepared PostgreSQL database with its writable tables emptied.
 * `env` overrides the configuration (e.g. rate-limit budgets, LOG_LEVEL). Mutation rate limits
 * are off unless a test turns them on: the test clock does not move, so budgets would never refill.
 */
export async function startTestApp(options: { now?: Date; env?: Record<string, string> } = {}): Promise<TestApp> {
  const template = process.env.TEST_DB_TEMPLATE;
  if (!template) throw new Error('TEST_DB_TEMPLATE is not set: run through the integration or e2e Jest project.');
  let file: string | undefined;
  let databaseUrl: string;
  if (engine === 'sqlite') {
    file = path.join(os.tmpdir(), `alternance-e2e-${randomUUID()}.sqlite`);
    copyFileSync(template, file);
    databaseUrl = `sqlite:${file}`;
  } else {
    databaseUrl = template;
  }
  // Each app has its own data folder: its own search index snapshots.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'alternance-e2e-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    CATALOGUE_DIR: process.env.CATALOGUE_DIR,
    RATE_LIMIT_ENABLED: 'false',
    ...options.env,
  });
  const clock = new ManualClock(options.now ?? new Date('2026-11-23T09:00:00Z'));
  if (engine === 'postgresql') await truncate(databaseUrl);
  const app = await createApp(config, clock);
  const orm = app.get(MikroORM);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    app,
    orm,
    clock,
    config,
    async gql(query, variables, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GraphqlResponse;
      return { ...body, status: res.status } as GraphqlResponse<any>;
    },
    async close() {
      await app.close();
      if (file) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
