import { copyFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { AggregateType, OutboxEventEntity } from '@alternance/platform/data-access';
import { FULL_RELOAD_MS, MatchSnapshot, SETTLE_MS, SnapshotSource } from './match-snapshot';

const engine = process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';

interface Row {
  id: string;
  version: number;
}

/** A table the test edits directly, and a source that counts how it is read. */
class FakeTable implements SnapshotSource<Row> {
  readonly aggregateType = AggregateType.OFFER;
  rows = new Map<string, Row>();
  fullLoads = 0;
  partialLoads: string[][] = [];
  async loadAll(): Promise<Row[]> {
    this.fullLoads++;
    return [...this.rows.values()].map((r) => ({ ...r }));
  }
  async loadSome(_: EntityManager, ids: string[]): Promise<Row[]> {
    this.partialLoads.push([...ids].sort());
    return ids.flatMap((id) => (this.rows.has(id) ? [{ ...this.rows.get(id)! }] : []));
  }
}

describe(`match snapshot kept up to date from the outbox (${engine})`, () => {
  let orm: MikroORM;
  let file: string | undefined;
  let table: FakeTable;
  let now: number;
  let snapshot: MatchSnapshot<Row>;

  const em = () => orm.em.fork();
  const event = async (aggregateId: string, id?: number, type = AggregateType.OFFER) => {
    const fork = em();
    await fork.insert(OutboxEventEntity, { ...(id ? { id: String(id) } : {}), aggregateType: type, aggregateId, createdAt: new Date() });
  };
  const change = async (id: string, version: number | null) => {
    if (version === null) table.rows.delete(id);
    else table.rows.set(id, { id, version });
    await event(id);
  };
  const versions = (rows: readonly Row[]) => Object.fromEntries([...rows].sort((a, b) => a.id.localeCompare(b.id)).map((r) => [r.id, r.version]));

  beforeAll(async () => {
    const entities = [OutboxEventEntity];
    if (engine === 'sqlite') {
      file = path.join(os.tmpdir(), `alternance-snapshot-${process.pid}.sqlite`);
      copyFileSync(process.env.TEST_DB_TEMPLATE!, file);
      orm = await MikroORM.init({ driver: BetterSqliteDriver, dbName: file, entities, allowGlobalContext: true });
    } else {
      orm = await MikroORM.init({ driver: PostgreSqlDriver, clientUrl: process.env.TEST_DB_TEMPLATE!, entities, allowGlobalContext: true });
    }
  });
  beforeEach(async () => {
    await orm.em.getConnection().execute('delete from outbox_events');
    table = new FakeTable();
    for (const id of ['a', 'b', 'c']) table.rows.set(id, { id, version: 1 });
    now = 1_000_000;
    snapshot = new MatchSnapshot(table, () => now);
  });
  afterAll(async () => {
    await orm.close(true);
    if (file) rmSync(file, { force: true });
  });

  it('answers with the same array while nothing changed, reading the table once', async () => {
    const first = await snapshot.current(em());
    const second = await snapshot.current(em());
    expect(second).toBe(first);
    expect(versions(first)).toEqual({ a: 1, b: 1, c: 1 });
    expect(table.fullLoads).toBe(1);
    expect(table.partialLoads).toEqual([]);
  });

  it('reloads only the rows named by new events, keeping the other rows as the same objects', async () => {
    const before = await snapshot.current(em());
    await change('b', 2);
    await change('d', 1);
    await change('c', null);
    await event('a', undefined, AggregateType.CANDIDATE);
    const after = await snapshot.current(em());
    expect(after).not.toBe(before);
    expect(versions(after)).toEqual({ a: 1, b: 2, d: 1 });
    expect(after.find((r) => r.id === 'a')).toBe(before.find((r) => r.id === 'a'));
    expect(table.partialLoads).toEqual([['b', 'c', 'd']]);
    expect(table.fullLoads).toBe(1);
    expect(await snapshot.current(em())).toBe(after);
  });

  it('picks up a transaction that committed after a later one (a lower outbox id seen late)', async () => {
    await change('a', 2);
    await snapshot.current(em());
    const [{ id: latest }] = await em().find(OutboxEventEntity, {}, { orderBy: { id: 'desc' }, limit: 1 });
    const late = Number(latest) + 5;
    // A later transaction commits first and is seen…
    await event('x', late + 10);
    await change('a', 3);
    expect(versions(await snapshot.current(em()))).toEqual({ a: 3, b: 1, c: 1 });
    // …then the earlier one commits, below the highest id already seen.
    table.rows.set('b', { id: 'b', version: 7 });
    await event('b', late);
    now += SETTLE_MS - 1;
    expect(versions(await snapshot.current(em()))).toEqual({ a: 3, b: 7, c: 1 });
  });

  it('still sees late events after older ones have settled, and reloads everything now and then', async () => {
    await snapshot.current(em());
    await change('a', 2);
    await snapshot.current(em());
    now += SETTLE_MS;
    await snapshot.current(em());
    now += SETTLE_MS;
    await change('c', 5);
    expect(versions(await snapshot.current(em()))).toEqual({ a: 2, b: 1, c: 5 });
    expect(table.partialLoads).toEqual([['a'], ['c']]);
    table.rows.set('b', { id: 'b', version: 9 }); // changed without an event: only a full reload sees it
    now += FULL_RELOAD_MS;
    expect(versions(await snapshot.current(em()))).toEqual({ a: 2, b: 9, c: 5 });
    expect(table.fullLoads).toBe(2);
  });

  it('reloads everything when more rows changed than are worth reloading one by one', async () => {
    await snapshot.current(em());
    const events = Array.from({ length: 2_001 }, (_, i) => ({ aggregateType: AggregateType.OFFER, aggregateId: `n${i}`, createdAt: new Date() }));
    // SQLite takes at most 500 rows in one insert.
    for (let from = 0; from < events.length; from += 400) await em().insertMany(OutboxEventEntity, events.slice(from, from + 400));
    table.rows.set('n1', { id: 'n1', version: 1 });
    expect(versions(await snapshot.current(em()))).toEqual({ a: 1, b: 1, c: 1, n1: 1 });
    expect(table.fullLoads).toBe(2);
    expect(table.partialLoads).toEqual([]);
  });

  it('serves concurrent callers one refresh at a time, each seeing what committed before it asked', async () => {
    await snapshot.current(em());
    const answers = await Promise.all([snapshot.current(em()), (async () => (await change('a', 4), snapshot.current(em())))()]);
    expect(versions(answers[1])).toEqual({ a: 4, b: 1, c: 1 });
  });
});
