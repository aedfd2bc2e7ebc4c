import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { DatabaseConfig } from '@alternance/platform/nest';

/** The PostgreSQL database tests and tools may wipe; its name must say "test". */
export function testPostgresUrl(env: Record<string, string | undefined> = process.env): string {
  return env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
}

export function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!/test/i.test(name)) {
    throw new Error(`Refusing to wipe database "${name}": a test database's name must contain "test".`);
  }
}

export function scratchDatabases(): DatabaseConfig[] {
  return [
    { driver: 'sqlite', file: path.join(os.tmpdir(), `alternance-scratch-${process.pid}.sqlite`) },
    { driver: 'postgresql', url: testPostgresUrl() },
  ];
}

/** Empties a scratch or test database completely (every table, in its public schema). */
export async function resetDatabase(db: DatabaseConfig): Promise<void> {
  if (db.driver === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(db.file + suffix, { force: true });
    return;
  }
  assertTestDatabase(db.url);
  const orm = await MikroORM.init({ driver: PostgreSqlDriver, clientUrl: db.url, entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: true });
  try {
    await orm.em.getConnection().execute('drop schema if exists public cascade; create schema public;');
  } finally {
    await orm.close(true);
  }
}
