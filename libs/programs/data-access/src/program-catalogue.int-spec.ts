import { copyFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM, Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Country, ManualClock, PageRequest, encodeCursor, pageRequest } from '@alternance/platform/domain';
import { findPlain } from '@alternance/platform/data-access';
import { TAXONOMY_ENTITIES } from '@alternance/taxonomy/data-access';
import { foldText } from '@alternance/taxonomy/domain';
import { CatalogueImportEntity } from './catalogue-import.entity';
import { readCatalogueVersion, recordCatalogueImport } from './catalogue-version';
import { ProgramCatalogue, databaseCatalogueSource } from './program-catalogue';
import { importPrograms } from './program-import';
import { ProgramEntity, programRomeCodesKey } from './program.entity';
import { ProgramRepository, searchProgramsInDatabase } from './program.repository';
import { ProgramSearch } from './program-snapshot';

const engine = process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';
const DATA_DIR = path.resolve(__dirname, '../../../..', process.env.CATALOGUE_DIR || '../shared/data');
const entities = [ProgramEntity, CatalogueImportEntity, ...TAXONOMY_ENTITIES];

/** The in-memory catalogue against the SQL it replaces, on the catalogue the test set-up imported. */
describe(`program catalogue (${engine})`, () => {
  let file: string | undefined;
  let options: Options;
  let orm: MikroORM;
  const catalogues: ProgramCatalogue[] = [];

  const catalogueOf = (db: MikroORM, clock = new ManualClock(new Date('2026-12-03T10:00:00Z')), refreshIntervalMs = 30_000) => {
    const catalogue = new ProgramCatalogue(databaseCatalogueSource(db), { clock, refreshIntervalMs });
    catalogues.push(catalogue);
    return catalogue;
  };
  /** Another process on the same database: its own ORM, its own connections. */
  const otherProcess = () => MikroORM.init(options);

  beforeAll(async () => {
    if (engine === 'sqlite') {
      file = path.join(os.tmpdir(), `alternance-program-catalogue-${process.pid}.sqlite`);
      copyFileSync(process.env.TEST_DB_TEMPLATE!, file);
      options = { driver: BetterSqliteDriver, dbName: file, entities, allowGlobalContext: true, forceUtcTimezone: true };
    } else {
      options = { driver: PostgreSqlDriver, clientUrl: process.env.TEST_DB_TEMPLATE!, entities, allowGlobalContext: true, forceUtcTimezone: true };
    }
    orm = await MikroORM.init(options);
  });
  afterAll(async () => {
    for (const catalogue of catalogues) {
      await catalogue.settled();
      catalogue.onModuleDestroy();
    }
    await orm.close(true);
    if (file) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  });

  it('holds folded search titles only: LIKE and a substring test agree on both engines', async () => {
    const rows = await findPlain(orm.em.fork(), ProgramEntity, {});
    expect(rows.length).toBeGreaterThan(2800);
    expect(rows.filter((p) => p.searchTitle !== foldText(p.title) || /[A-Z]/.test(p.searchTitle))).toEqual([]);
  });

  it('answers every search as the SQL does: items in order, count and page', async () => {
    const catalogue = catalogueOf(orm);
    const sample = (await findPlain(orm.em.fork(), ProgramEntity, { romeCodesKey: { $ne: '||' } }, { orderBy: { code: 'asc' }, limit: 1 }))[0];
    const page = (first: number, offset = 0): PageRequest => pageRequest(first, offset ? encodeCursor(offset - 1) : null);
    const cases: [ProgramSearch, PageRequest][] = [
      [{}, page(20)],
      [{}, page(100, 2750)],
      [{}, page(20, 5000)],
      [{}, page(0)],
      [{ query: 'informatique' }, page(20)],
      [{ query: 'informatique', level: 6 }, page(5)],
      [{ query: 'INFORMATIQUE Développeur' }, page(20)],
      [{ query: 'développeur web' }, page(20, 3)],
      [{ query: 'ingénieur' }, page(100, 40)],
      [{ query: 'Ingénieur ÉNERGIE' }, page(10)],
      [{ query: 'cap' }, page(50)],
      [{ query: 'é' }, page(30)],
      [{ query: "d'" }, page(30)],
      [{ query: 'l’' }, page(30)],
      [{ query: '-' }, page(10)],
      [{ query: 'bts - ' }, page(10)],
      [{ query: '%' }, page(10)],
      [{ query: '_%_' }, page(10)],
      [{ query: 'gestion_commerce' }, page(10)],
      [{ query: 'man%ger' }, page(10)],
      [{ query: 'a\\b' }, page(10)],
      [{ query: '   ' }, page(10)],
      [{ query: 'xyzzy' }, page(10)],
      [{ query: 'œ' }, page(10)],
      [{ query: 'CŒUR' }, page(10)],
      [{ query: 'commerce', poeEligible: true }, page(10)],
      [{ query: 'commerce', poeEligible: false }, page(10)],
      [{ poeEligible: true }, page(100, 100)],
      [{ poeEligible: false }, page(20)],
      [{ level: 3 }, page(100)],
      [{ level: 7 }, page(20, 60)],
      [{ level: 8 }, page(20)],
      [{ country: Country.FR }, page(20, 2000)],
      [{ country: Country.UK }, page(20)],
      [{ romeCode: 'M1805' }, page(100)],
      [{ romeCode: 'D1102' }, page(20)],
      [{ romeCode: sample.romeCodes[0] }, page(20)],
      [{ romeCode: 'Z9999' }, page(20)],
      [{ romeCode: 'M1805', level: 6, query: 'developpeur' }, page(5, 1)],
      [{ rncpCode: sample.rncpCode! }, page(20)],
      [{ rncpCode: 'RNCP0' }, page(20)],
      [{ rncpCode: sample.rncpCode!, level: sample.level! }, page(20)],
    ];
    let withItems = 0;
    for (const [filter, request] of cases) {
      const expected = await searchProgramsInDatabase(orm.em.fork(), filter, request);
      const actual = await catalogue.search(filter, request);
      expect({ filter, request, ...actual }).toEqual({ filter, request, ...expected });
      if (expected.items.length) withItems++;
    }
    // most cases find something: the comparison is not between two empty pages
    expect(withItems).toBeGreaterThan(cases.length * 0.7);
    // a query of wildcards only has no word left, a page of size 0 still counts: as the SQL answered
    expect((await catalogue.search({ query: '%' }, page(10))).totalCount).toBe((await catalogue.search({}, page(0))).totalCount);
  });

  it('breaks ties between equal titles by id, as the SQL orders them', async () => {
    const rows = await findPlain(orm.em.fork(), ProgramEntity, {}, { orderBy: { title: 'asc', id: 'asc' } });
    const shared = rows.find((p, i) => i > 0 && rows[i - 1].title === p.title);
    if (!shared) return; // a catalogue without repeated titles has no ties to break
    const catalogue = catalogueOf(orm);
    const filter = { query: shared.searchTitle };
    expect(await catalogue.search(filter, pageRequest(50, null))).toEqual(await searchProgramsInDatabase(orm.em.fork(), filter, pageRequest(50, null)));
  });

  it('looks programs up by id as the database does', async () => {
    const catalogue = catalogueOf(orm);
    const some = await findPlain(orm.em.fork(), ProgramEntity, {}, { orderBy: { code: 'desc' }, limit: 3 });
    const ids = [some[2].id, 'not-a-uuid', some[0].id, '00000000-0000-4000-8000-000000000000', some[1].id.toUpperCase()];
    const found = await catalogue.byIds(ids);
    expect([...found.keys()]).toEqual([some[2].id, some[0].id]);
    expect(found.get(some[0].id)).toEqual(some[0]);
    expect(found.get(some[2].id)).toEqual(some[2]);
  });

  it('shows an import by another process after the refresh interval, never making a request wait', async () => {
    const clock = new ManualClock(new Date('2026-12-03T10:00:00Z'));
    const catalogue = catalogueOf(orm, clock);
    const before = await catalogue.search({}, pageRequest(1, null));
    const other = await otherProcess();
    const id = '00000000-0000-4000-8000-0000000ca7a1';
    try {
      await other.em.fork().transactional(async (tx) => {
        await tx.insert(ProgramEntity, {
          id,
          code: 'TEST-CATALOGUE-1',
          title: 'Quuxologue de catalogue (test)',
          searchTitle: foldText('Quuxologue de catalogue (test)'),
          country: Country.FR,
          rncpCode: 'RNCP999991',
          level: 5,
          romeCodes: ['M1805'],
          romeCodesKey: programRomeCodesKey(['M1805']),
          durationMonths: 12,
          trainingDaysPerWeek: 1,
          trainingHours: 350,
          poeEligible: true,
          openToApprenticeship: true,
          competencyBlocks: [],
        });
        await recordCatalogueImport(tx);
      });
      expect((await catalogue.search({}, pageRequest(1, null))).totalCount).toBe(before.totalCount);
      clock.advance(29_999);
      expect((await catalogue.search({ query: 'quuxologue' }, pageRequest(5, null))).totalCount).toBe(0);
      await catalogue.settled();

      clock.advance(1);
      // this request starts the check but is answered from the snapshot it finds
      expect((await catalogue.search({ query: 'quuxologue' }, pageRequest(5, null))).totalCount).toBe(0);
      await catalogue.settled();
      const after = await catalogue.search({ query: 'quuxologue' }, pageRequest(5, null));
      expect(after.items.map((p) => p.id)).toEqual([id]);
      expect((await catalogue.search({}, pageRequest(1, null))).totalCount).toBe(before.totalCount + 1);
      expect((await catalogue.byIds([id])).get(id)?.title).toBe('Quuxologue de catalogue (test)');
      const filter = { romeCode: 'M1805', poeEligible: true };
      expect(await catalogue.search(filter, pageRequest(100, null))).toEqual(await searchProgramsInDatabase(orm.em.fork(), filter, pageRequest(100, null)));
    } finally {
      await other.em.fork().nativeDelete(ProgramEntity, { id });
      await other.close(true);
    }
  });

  it('shows an import in this process at once, and follows the version it bumps', async () => {
    const catalogue = catalogueOf(orm);
    const [first] = (await catalogue.search({}, pageRequest(1, null))).items;
    const other = await otherProcess();
    const versionBefore = await readCatalogueVersion(orm.em.fork());
    try {
      // A change outside an import bumps no version: the catalogue shows it only once reloaded.
      await other.em.fork().nativeUpdate(ProgramEntity, { id: first.id }, { title: 'Aaa changé hors import' });
      catalogue.invalidate();
      expect((await catalogue.byIds([first.id])).get(first.id)?.title).toBe('Aaa changé hors import');

      const counts = await importPrograms(orm.em.fork(), DATA_DIR, () => undefined, { replace: true });
      expect(counts.programs).toBeGreaterThan(2800);
      expect(await readCatalogueVersion(orm.em.fork())).not.toBe(versionBefore);
      // no clock moved, no check ran: the import itself told the catalogue
      expect((await catalogue.byIds([first.id])).get(first.id)?.title).toBe(first.title);
      expect(await catalogue.search({}, pageRequest(20, null))).toEqual(await searchProgramsInDatabase(orm.em.fork(), {}, pageRequest(20, null)));
    } finally {
      await other.em.fork().nativeUpdate(ProgramEntity, { id: first.id }, { title: first.title });
      await other.close(true);
    }
    // a whole import: a few seconds, more on a busy machine
  }, 60_000);

  it('reads the database inside a transaction, which sees its own writes', async () => {
    const catalogue = catalogueOf(orm);
    const [first] = (await catalogue.search({}, pageRequest(1, null))).items;
    const outside = new ProgramRepository(orm.em.fork(), catalogue);
    await expect(
      orm.em.fork().transactional(async (tx) => {
        await tx.nativeUpdate(ProgramEntity, { id: first.id }, { title: 'Aaa dans la transaction', searchTitle: 'aaa dans la transaction' });
        const inside = new ProgramRepository(tx, catalogue);
        expect((await inside.byIds([first.id])).get(first.id)?.title).toBe('Aaa dans la transaction');
        expect((await inside.search({ query: 'dans la transaction' }, pageRequest(5, null))).items.map((p) => p.id)).toEqual([first.id]);
        const [entity] = await inside.requireAll([first.id], 'programIds');
        expect(entity).toBeInstanceOf(ProgramEntity);
        expect(entity.title).toBe('Aaa dans la transaction');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await outside.byIds([first.id])).get(first.id)?.title).toBe(first.title);
    expect((await outside.search({ query: 'dans la transaction' }, pageRequest(5, null))).totalCount).toBe(0);
    expect((await findPlain(orm.em.fork(), ProgramEntity, { id: first.id }))[0].title).toBe(first.title);
    await expect(outside.requireAll([first.id, 'not-a-uuid'], 'programIds')).rejects.toThrow('programIds[1]: not-a-uuid is not a known training path');
  });
});
