import { copyFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { DatabaseConfig, loadConfig } from '@alternance/platform/nest';
import { countTaxonomy } from '@alternance/taxonomy/data-access';
import { ProgramEntity } from '@alternance/programs/data-access';
import { ormOptions } from './orm-config';
import { loadCatalogue } from './catalogue';

const engine = process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';

describe(`persistence (${engine})`, () => {
  let orm: MikroORM;
  let file: string | undefined;

  beforeAll(async () => {
    const template = process.env.TEST_DB_TEMPLATE!;
    let db: DatabaseConfig;
    if (engine === 'sqlite') {
      file = path.join(os.tmpdir(), `alternance-int-${process.pid}.sqlite`);
      copyFileSync(template, file);
      db = { driver: 'sqlite', file };
    } else {
      db = { driver: 'postgresql', url: template };
    }
    orm = await MikroORM.init(ormOptions(db));
  });
  afterAll(async () => {
    await orm.close(true);
    if (file) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  });

  it('has committed migrations that create every table and column of the entities', async () => {
    expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
    const expected: Record<string, string[]> = {};
    const actual: Record<string, string[]> = {};
    for (const meta of Object.values(orm.getMetadata().getAll())) {
      if (meta.embeddable || meta.virtual || !meta.tableName) continue;
      expected[meta.tableName] = meta.props.flatMap((p) => p.fieldNames ?? []).sort();
      const rows =
        engine === 'sqlite'
          ? await orm.em.getConnection().execute<{ name: string }[]>(`pragma table_info(\`${meta.tableName}\`)`)
          : await orm.em
              .getConnection()
              .execute<{ name: string }[]>(`select column_name as name from information_schema.columns where table_schema = 'public' and table_name = ?`, [meta.tableName]);
      actual[meta.tableName] = (rows as { name: string }[]).map((r) => r.name).sort();
    }
    expect(actual).toEqual(expected);
  });

  if (engine === 'postgresql') {
    // MikroORM's schema comparison is exact on PostgreSQL (on SQLite it reports false
    // differences for check constraints, hence the column check above).
    it('needs no further migration', async () => {
      expect(await orm.getMigrator().checkMigrationNeeded()).toBe(false);
    });
  }

  it('loads the catalogue once: a second load changes nothing', async () => {
    const before = await countTaxonomy(orm.em.fork());
    const programsBefore = await orm.em.fork().count(ProgramEntity);
    const ids = (await orm.em.fork().find(ProgramEntity, {}, { fields: ['id'], orderBy: { code: 'asc' }, limit: 5 })).map((p) => p.id);
    await loadCatalogue(orm.em.fork(), loadConfig({ NODE_ENV: 'test' }).catalogueDir, () => undefined);
    expect(await countTaxonomy(orm.em.fork())).toEqual(before);
    expect(await orm.em.fork().count(ProgramEntity)).toBe(programsBefore);
    expect((await orm.em.fork().find(ProgramEntity, {}, { fields: ['id'], orderBy: { code: 'asc' }, limit: 5 })).map((p) => p.id)).toEqual(ids);
    expect(before).toMatchObject({ occupations: 1584, jobTitles: 13120, occupationMobilities: 14912 });
  });

  if (engine === 'sqlite') {
    it('runs SQLite in WAL mode with foreign keys and a busy timeout', async () => {
      const conn = orm.em.getConnection();
      expect(await conn.execute('pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await conn.execute('pragma foreign_keys')).toEqual([{ foreign_keys: 1 }]);
      expect(await conn.execute('pragma busy_timeout')).toEqual([{ timeout: 5000 }]);
    });

    // better-sqlite3 ships no types: the test needs a second connection's exec and close only.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Database = require('better-sqlite3') as new (file: string, options: { timeout: number }) => { exec(sql: string): void; close(): void };

    it('starts transactions IMMEDIATE: another process cannot take the write lock after a read', async () => {
      const other = new Database(file!, { timeout: 0 });
      try {
        await orm.em.fork().transactional(async (tx) => {
          await tx.count(ProgramEntity);
          // A deferred BEGIN would hold only a read lock here, and the other writer would get in.
          expect(() => other.exec('BEGIN IMMEDIATE')).toThrow(/locked|busy/i);
        });
        other.exec('BEGIN IMMEDIATE');
        other.exec('ROLLBACK');
      } finally {
        other.close();
      }
    });
  }
});
