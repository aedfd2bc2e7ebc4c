import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { AggregateType, LocalLease, OutboxEventEntity, leaseFor, recordChange } from '@alternance/platform/data-access';
import { IndexStore, SearchDocument, SearchRequest, SearchResult } from '@alternance/search/domain';
import { OfferEntity } from '@alternance/offers/data-access';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { UserEntity } from '@alternance/identity/data-access';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { ProgramEntity } from '@alternance/programs/data-access';
import { OutboxRelay } from './outbox-relay';

const engine = process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';
const entities = [OutboxEventEntity, OfferEntity, OrganizationEntity, UserEntity, CandidateEntity, ProgramEntity];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Entry = { relay: string; op: 'delete' | 'upsert' | 'mark'; ids?: string[]; at?: number };

/** One index shared by every relay (a Meilisearch index), recording who did what, and whether two relays were ever inside it at once. */
class SharedIndex {
  readonly log: Entry[] = [];
  applied = 0;
  busy: string | null = null;
  overlaps = 0;
  /** When set, a relay's delete waits for it: a batch held in the middle. */
  gate?: Promise<void>;

  view(relay: string): IndexStore {
    return viewOf(this, relay);
  }
}

/** What one relay sees of the shared index. */
function viewOf(shared: SharedIndex, relay: string): IndexStore {
  const enter = () => {
    if (shared.busy && shared.busy !== relay) shared.overlaps++;
    shared.busy = relay;
  };
  return {
    name: 'shared',
    async configure() {},
    async upsert(docs: SearchDocument[]) {
      enter();
      shared.log.push({ relay, op: 'upsert', ids: docs.map((d) => d.id) });
    },
    async delete(ids: string[]) {
      enter();
      await shared.gate;
      // Widens the window in which a second applier would show up.
      await sleep(3);
      shared.log.push({ relay, op: 'delete', ids });
    },
    async clear() {},
    async search(_: SearchRequest): Promise<SearchResult> {
      return { hits: [], totalCount: 0, facets: {} };
    },
    async count() {
      return 0;
    },
    async appliedUpTo() {
      return shared.applied;
    },
    async markApplied(id: number) {
      enter();
      await sleep(1);
      shared.applied = id;
      shared.log.push({ relay, op: 'mark', at: id });
      shared.busy = null;
    },
    async close() {},
  };
}

async function openOrm(): Promise<MikroORM> {
  return MikroORM.init({ driver: PostgreSqlDriver, clientUrl: process.env.TEST_DB_TEMPLATE!, entities, allowGlobalContext: true, pool: { min: 0, max: 4 } });
}

async function writeEvents(orm: MikroORM, aggregates: string[], count: number): Promise<void> {
  for (let i = 0; i < count; ) {
    const em = orm.em.fork();
    const inTransaction = 1 + (i % 3);
    for (let j = 0; j < inTransaction && i < count; j++, i++) recordChange(em, AggregateType.OFFER, aggregates[(i * 7) % aggregates.length], new Date());
    await em.flush();
    await sleep(2);
  }
}

async function allEvents(orm: MikroORM): Promise<{ id: number; aggregateId: string }[]> {
  const rows = await orm.em.fork().find(OutboxEventEntity, {}, { orderBy: { id: 'asc' } });
  return rows.map((r) => ({ id: Number(r.id), aggregateId: r.aggregateId }));
}

/**
 * The batches in the order they were applied: each mark closes the batch of deletes its
 * relay made since the previous mark.
 */
function batches(log: Entry[]): { relay: string; from: number; to: number; ids: Set<string> }[] {
  const out: { relay: string; from: number; to: number; ids: Set<string> }[] = [];
  let from = 0;
  let pending: Entry[] = [];
  for (const entry of log) {
    if (entry.op !== 'mark') {
      pending.push(entry);
      continue;
    }
    expect(pending.every((p) => p.relay === entry.relay)).toBe(true);
    out.push({ relay: entry.relay, from, to: entry.at!, ids: new Set(pending.flatMap((p) => p.ids ?? [])) });
    from = entry.at!;
    pending = [];
  }
  expect(pending).toEqual([]);
  return out;
}

if (engine === 'sqlite') {
  describe('outbox relay lease (sqlite)', () => {
    // One SQLite file serves one host through a single connection, which a lease transaction
    // would block: the lease there is always granted, and one relay per file is the rule.
    it('is always granted on SQLite (the shared-relay tests run on PostgreSQL only)', async () => {
      const { BetterSqliteDriver } = await import('@mikro-orm/better-sqlite');
      const orm = await MikroORM.init({ driver: BetterSqliteDriver, dbName: ':memory:', entities: [OutboxEventEntity], allowGlobalContext: true });
      try {
        expect(leaseFor(orm, 'search-relay:')).toBeInstanceOf(LocalLease);
      } finally {
        await orm.close(true);
      }
    });
  });
} else {
  describe('outbox relay lease (postgresql): several relays toward one shared index', () => {
    const orms: MikroORM[] = [];
    let writer: MikroORM;
    const leaseName = `search-relay:test-${randomUUID()}`;

    beforeEach(async () => {
      writer = await openOrm();
      await writer.em.getConnection().execute('truncate "outbox_events"');
    });
    afterEach(async () => {
      await Promise.all(orms.splice(0).map((orm) => orm.close(true)));
      await writer.close(true);
    });

    async function relays(offers: SharedIndex, candidates: SharedIndex, count: number): Promise<OutboxRelay[]> {
      const out: OutboxRelay[] = [];
      for (let i = 0; i < count; i++) {
        const orm = await openOrm();
        orms.push(orm);
        const name = `relay-${i}`;
        out.push(new OutboxRelay(orm, offers.view(name), candidates.view(name), { pollMs: 5, batchSize: 7, lease: leaseFor(orm, leaseName) }));
      }
      return out;
    }

    it('applies each event exactly once, in id order, while events are written; closing the holder lets another take over', async () => {
      const offers = new SharedIndex();
      const candidates = new SharedIndex();
      const [a, b, c] = await relays(offers, candidates, 3);
      const byName = new Map([
        ['relay-0', a],
        ['relay-1', b],
        ['relay-2', c],
      ]);
      await Promise.all([a.start(), b.start(), c.start()]);
      const aggregates = Array.from({ length: 9 }, () => randomUUID());

      await writeEvents(writer, aggregates, 90);
      const waitUntilApplied = async () => {
        const events = await allEvents(writer);
        const target = events[events.length - 1].id;
        const deadline = Date.now() + 15_000;
        while ((offers.applied < target || candidates.applied < target) && Date.now() < deadline) await sleep(10);
        expect(offers.applied).toBe(target);
        expect(candidates.applied).toBe(target);
      };
      await waitUntilApplied();

      // Close whoever applied last (graceful: its batch finishes and its lease transaction ends).
      const holder = offers.log[offers.log.length - 1].relay;
      await byName.get(holder)!.stop();
      const closedAt = offers.log.length;
      await writeEvents(writer, aggregates, 60);
      await waitUntilApplied();
      await Promise.all([...byName.entries()].filter(([name]) => name !== holder).map(([, relay]) => relay.stop()));

      const events = await allEvents(writer);
      expect(events).toHaveLength(150);
      expect(offers.overlaps).toBe(0);
      expect(candidates.overlaps).toBe(0);

      const applied = batches(offers.log);
      // Watermarks strictly increase and end at the last event: every event is in exactly one batch.
      for (let i = 1; i < applied.length; i++) expect(applied[i].from).toBeGreaterThan(applied[i - 1].from);
      expect(applied[applied.length - 1].to).toBe(events[events.length - 1].id);
      // Each batch touched exactly the aggregates of its events; batches never ran at once, so each
      // aggregate's events were applied in id order.
      for (const batch of applied) {
        const expected = new Set(events.filter((e) => e.id > batch.from && e.id <= batch.to).map((e) => e.aggregateId));
        expect(batch.ids).toEqual(expected);
      }
      // The closed relay did nothing more; another one took over.
      const after = offers.log.slice(closedAt);
      expect(after.length).toBeGreaterThan(0);
      expect(after.every((e) => e.relay !== holder)).toBe(true);
      expect(batches(candidates.log).map((batch) => batch.to)).toEqual(applied.map((batch) => batch.to));
    }, 60_000);

    it('keeps the others on standby while the holder is in the middle of a batch', async () => {
      const offers = new SharedIndex();
      const candidates = new SharedIndex();
      const [a, b] = await relays(offers, candidates, 2);
      await writeEvents(writer, [randomUUID(), randomUUID()], 4);
      let open!: () => void;
      offers.gate = new Promise<void>((resolve) => (open = resolve));

      const holding = a.drain();
      while (offers.busy !== 'relay-0') await sleep(5);
      await b.drain();
      // relay-1 found the lease taken: it neither read the watermark into a batch nor wrote anything.
      expect(offers.log).toEqual([]);
      expect(offers.busy).toBe('relay-0');

      open();
      await holding;
      const lastId = (await allEvents(writer)).pop()!.id;
      expect(offers.applied).toBe(lastId);
      await b.drain();
      expect(offers.log.filter((e) => e.relay === 'relay-1')).toEqual([]);
      expect(offers.overlaps).toBe(0);
      await Promise.all([a.stop(), b.stop()]);
    }, 30_000);

    it('lets a writer whose process does not relay (RELAY_IN_PROCESS=false) read its write once the worker applied it', async () => {
      const offers = new SharedIndex();
      const candidates = new SharedIndex();
      const orm = await openOrm();
      orms.push(orm);
      const api = new OutboxRelay(orm, offers.view('api'), candidates.view('api'), { passive: true, catchUpTimeoutMs: 300 });
      await api.start();
      await writeEvents(writer, [randomUUID()], 1);
      const lastId = (await allEvents(writer)).pop()!.id;

      // Nobody relays: the writer gives up waiting after catchUpTimeoutMs, and never applies itself.
      const started = Date.now();
      await api.changesCommitted();
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(offers.log).toEqual([]);

      const [worker] = await relays(offers, candidates, 1);
      await writeEvents(writer, [randomUUID()], 1);
      const nextId = (await allEvents(writer)).pop()!.id;
      const waiting = api.changesCommitted();
      await worker.start();
      await waiting;
      expect(offers.applied).toBeGreaterThanOrEqual(nextId);
      expect(nextId).toBeGreaterThan(lastId);
      expect(offers.log.every((e) => e.relay === 'relay-0')).toBe(true);
      await Promise.all([api.stop(), worker.stop()]);
    }, 30_000);
  });
}
