import path from 'node:path';
import { Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { DatabaseConfig } from '@alternance/platform/nest';
import { ENTITIES } from './entities';
import { POSTGRESQL_MIGRATIONS } from '../../migrations/postgresql';
import { SQLITE_MIGRATIONS } from '../../migrations/sqlite';
import { SqliteMigrator } from './sqlite-migrator';

interface SqliteHandle {
  pragma(statement: string): unknown;
  prepare(sql: string): unknown;
}

interface SqliteStatement {
  safeIntegers(toggle?: boolean): unknown;
}

/** Statements kept compiled per SQLite connection (the ORM sends the same few SQL texts again and again). */
export const SQLITE_STATEMENT_CACHE_SIZE = 500;

/**
 * Compiling a statement costs SQLite more than running a lookup by key: the connection keeps the
 * last `size` statements compiled, by SQL text (bindings are passed at each run). The query
 * builder may switch a statement to safe integers for one query, so every reuse starts from the
 * default again. SQLite re-prepares a kept statement by itself after a schema change.
 */
export function cacheStatements(conn: SqliteHandle, size = SQLITE_STATEMENT_CACHE_SIZE): void {
  const prepare = conn.prepare.bind(conn);
  const kept = new Map<string, SqliteStatement>();
  conn.prepare = (sql: string) => {
    let statement = kept.get(sql);
    if (statement) {
      // Most recently used last: the first entry is the one to drop.
      kept.delete(sql);
      statement.safeIntegers(false);
    } else {
      statement = prepare(sql) as SqliteStatement;
      if (kept.size >= size) kept.delete(kept.keys().next().value as string);
    }
    kept.set(sql, statement);
    return statement;
  };
}

/**
 * Every transaction on SQLite starts IMMEDIATE: it takes the write lock at BEGIN, so a second
 * process (a worker, a CLI) waits on the busy timeout instead of failing with SQLITE_BUSY when a
 * transaction that read first tries to write. The query builder always sends a plain `BEGIN;`.
 */
export function beginImmediately(conn: SqliteHandle): void {
  const prepare = conn.prepare.bind(conn);
  conn.prepare = (sql: string) => prepare(/^\s*BEGIN\s*;?\s*$/i.test(sql) ? 'BEGIN IMMEDIATE' : sql);
}

/** The source folder of a driver's migrations, where `npm run migration:create` writes. */
export function migrationsSourceDir(driver: DatabaseConfig['driver']): string {
  return path.resolve(__dirname, '../../../../apps/api/migrations', driver).replace(`${path.sep}dist${path.sep}`, path.sep);
}

/**
 * MikroORM options for either engine. The same entities serve both; each engine has its own
 * committed migrations, listed explicitly so that compiled and test runs find the same ones.
 */
export function ormOptions(db: DatabaseConfig, debug = false): Options {
  const common = {
    entities: ENTITIES,
    extensions: [Migrator],
    debug,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    discovery: { warnWhenNoEntities: true },
  } satisfies Options;
  if (db.driver === 'postgresql') {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: db.url,
      pool: { min: 0, max: 10 },
      migrations: {
        migrationsList: POSTGRESQL_MIGRATIONS,
        path: migrationsSourceDir('postgresql'),
        emit: 'ts',
        snapshot: false,
        transactional: true,
        allOrNothing: true,
      },
    };
  }
  return {
    ...common,
    driver: BetterSqliteDriver,
    dbName: db.file,
    // Migrations run with foreign keys off (see SqliteMigrator), so a table can be rebuilt.
    extensions: [SqliteMigrator],
    pool: {
      min: 1,
      max: 1,
      // WAL lets readers run beside the writer; the busy timeout and immediate transactions make
      // a second writer wait instead of failing at once.
      afterCreate: (conn: SqliteHandle, done: (err: Error | null, conn: unknown) => void) => {
        conn.pragma('journal_mode = WAL');
        conn.pragma('busy_timeout = 5000');
        conn.pragma('foreign_keys = ON');
        conn.pragma('synchronous = NORMAL');
        cacheStatements(conn);
        beginImmediately(conn);
        done(null, conn);
      },
    } as Options['pool'],
    migrations: {
      migrationsList: SQLITE_MIGRATIONS,
      path: migrationsSourceDir('sqlite'),
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
  };
}
