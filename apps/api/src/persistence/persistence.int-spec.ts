import { copyFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { MikroORM, ref } from '@mikro-orm/core';
import { Country, Role } from '@alternance/platform/domain';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { UserEntity } from '@alternance/identity/data-access';
import { OfferEntity } from '@alternance/offers/data-access';
import { ContractType, OfferStatus, RemotePolicy } from '@alternance/offers/domain';
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

  it('writes nothing back for entities loaded and left unchanged, their dates included', async () => {
    const writer = orm.em.fork();
    const organization = Object.assign(new OrganizationEntity(), { name: 'Unchanged', country: Country.FR });
    const user = Object.assign(new UserEntity(), { email: `unchanged-${randomUUID()}@example.test`, passwordHash: 'x', role: Role.EMPLOYER, displayName: 'U', organization: ref(organization), lastLoginAt: new Date() });
    const offer = Object.assign(new OfferEntity(), {
      organization: ref(organization),
      title: 'Développeur web en alternance',
      description: 'Une offre.',
      contractType: ContractType.APPRENTICESHIP,
      romeCode: 'M1805',
      country: Country.FR,
      lat: 48.85,
      lng: 2.35,
      remotePolicy: RemotePolicy.HYBRID,
      startEarliest: '2027-01-04',
      startLatest: '2027-03-01',
      status: OfferStatus.PUBLISHED,
      publishedAt: new Date(),
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    });
    writer.persist([organization, user, offer]);
    await writer.flush();
    try {
      const reader = orm.em.fork();
      const loaded = await reader.findOneOrFail(OfferEntity, { id: offer.id }, { populate: ['organization'] });
      await reader.findOneOrFail(UserEntity, { id: user.id });
      await reader.findOneOrFail(OfferEntity, { organization: organization.id, status: OfferStatus.PUBLISHED });
      reader.getUnitOfWork().computeChangeSets();
      expect(reader.getUnitOfWork().getChangeSets().map((c) => c.name)).toEqual([]);
      await reader.flush();
      // The offer's version is its optimistic lock: a spurious write would bump it.
      expect((await orm.em.fork().findOneOrFail(OfferEntity, { id: offer.id })).version).toBe(loaded.version);
    } finally {
      await orm.em.fork().nativeDelete(OfferEntity, { id: offer.id });
      await orm.em.fork().nativeDelete(UserEntity, { id: user.id });
      await orm.em.fork().nativeDelete(OrganizationEntity, { id: organization.id });
    }
  });

  // Declared as 'datetime', a date is loaded on SQLite as a Date but compared, at flush, with the
  // number the driver stores: every flush then rewrites every loaded row that has one (the test
  // above). Declared as 'Date', it compares as stored on both engines.
  it('declares every date property of every entity as a Date', () => {
    const declared = Object.values(orm.getMetadata().getAll()).flatMap((meta) => meta.props.filter((p) => p.runtimeType === 'Date').map((p) => `${meta.className}.${p.name}: ${String(p.type)}`));
    expect(declared.length).toBeGreaterThan(20);
    expect(declared.filter((d) => !d.endsWith(': Date'))).toEqual([]);
  });

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
