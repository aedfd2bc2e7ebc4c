import { copyFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { AggregateType, OutboxEventEntity, recordChange } from '@alternance/platform/data-access';
import { IndexStore, SearchDocument, SearchRequest, SearchResult } from '@alternance/search/domain';
import { OfferEntity } from '@alternance/offers/data-access';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { UserEntity } from '@alternance/identity/data-access';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { ProgramEntity } from '@alternance/programs/data-access';
import { OutboxRelay } from './outbox-relay';

/** An index that records what it is asked to do, and fails on demand. */
class RecordingIndex implements IndexStore {
  readonly name = 'recording';
  applied = 0;
  failuresLeft = 0;
  attempts = 0;
  deleted: string[] = [];
  upserted: SearchDocument[] = [];
  async configure(): Promise<void> {}
  async upsert(docs: SearchDocument[]): Promise<void> {
    this.upserted.push(...docs);
  }
  async delete(ids: string[]): Promise<void> {
    this.attempts++;
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('index unavailable');
    }
    this.deleted.push(...ids);
  }
  async clear(): Promise<void> {}
  async search(_: SearchRequest): Promise<SearchResult> {
    return { hits: [], totalCount: 0, facets: {} };
  }
  async count(): Promise<number> {
    return 0;
  }
  async appliedUpTo(): Promise<number> {
    return this.applied;
  }
  async markApplied(id: number): Promise<void> {
    this.applied = id;
  }
  async close(): Promise<void> {}
}

const engine = process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';

describe(`outbox relay (${engine})`, () => {
  let orm: MikroORM;
  let file: string | undefined;

  beforeAll(async () => {
    const entities = [OutboxEventEntity, OfferEntity, OrganizationEntity, UserEntity, CandidateEntity, ProgramEntity];
    if (engine === 'sqlite') {
      file = path.join(os.tmpdir(), `alternance-relay-${process.pid}.sqlite`);
      copyFileSync(process.env.TEST_DB_TEMPLATE!, file);
      orm = await MikroORM.init({ driver: BetterSqliteDriver, dbName: file, entities, allowGlobalContext: true });
    } else {
      orm = await MikroORM.init({ driver: PostgreSqlDriver, clientUrl: process.env.TEST_DB_TEMPLATE!, entities, allowGlobalContext: true });
      await orm.em.getConnection().execute('truncate "outbox_events"');
    }
  });
  afterAll(async () => {
    await orm.close(true);
    if (file) rmSync(file, { force: true });
  });

  it('retries with growing pauses until the index takes the change, then records how far it got', async () => {
    const em = orm.em.fork();
    const gone = '00000000-0000-4000-8000-00000000dead';
    recordChange(em, AggregateType.OFFER, gone, new Date());
    await em.flush();
    const lastId = Number((await orm.em.fork().findOneOrFail(OutboxEventEntity, { aggregateId: gone })).id);

    const offers = new RecordingIndex();
    const candidates = new RecordingIndex();
    offers.failuresLeft = 2;
    const messages: string[] = [];
    const relay = new OutboxRelay(orm, offers, candidates, { pollMs: 20, backoffMs: 30, log: (m) => messages.push(m) });
    await relay.start();
    const deadline = Date.now() + 3000;
    while (!offers.deleted.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await relay.stop();

    // A deleted offer leaves the index; the two failures were logged and retried.
    expect(offers.deleted).toEqual([gone]);
    expect(offers.attempts).toBe(3);
    expect(messages).toEqual([expect.stringMatching(/attempt 1, retrying in 30 ms/), expect.stringMatching(/attempt 2, retrying in 60 ms/)]);
    expect(offers.applied).toBe(lastId);
    expect(candidates.applied).toBe(lastId);

    // After a restart from the recorded watermark there is nothing left to redo.
    const again = new RecordingIndex();
    again.applied = lastId;
    const restarted = new OutboxRelay(orm, again, candidates, {});
    await restarted.drain();
    await restarted.stop();
    expect(again.attempts).toBe(0);
  });

  it('waits for a transaction that commits after a later one, and passes a gap left by a rollback', async () => {
    const [latest] = await orm.em.fork().find(OutboxEventEntity, {}, { orderBy: { id: 'desc' }, limit: 1 });
    const base = Number(latest?.id ?? 0) + 100;
    const event = (offset: number, aggregateId: string) =>
      orm.em.fork().insert(OutboxEventEntity, { id: String(base + offset), aggregateType: AggregateType.OFFER, aggregateId, createdAt: new Date() });
    const offer = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
    const offers = new RecordingIndex();
    const candidates = new RecordingIndex();
    await event(1, offer(1));
    offers.applied = candidates.applied = base + 1;
    const relay = new OutboxRelay(orm, offers, candidates, { gapGraceMs: 300 });

    // Id base+2 is taken by a transaction still open: base+3 committed first and must wait.
    await event(3, offer(3));
    await relay.drain();
    expect(offers.applied).toBe(base + 1);
    await event(2, offer(2));
    await relay.drain();
    expect(offers.deleted).toEqual([offer(2), offer(3)]);
    expect(offers.applied).toBe(base + 3);

    // Id base+4 never comes (rolled back): base+5 waits the grace period, then goes through.
    await event(5, offer(5));
    await relay.drain();
    expect(offers.applied).toBe(base + 3);
    await new Promise((resolve) => setTimeout(resolve, 320));
    await relay.drain();
    expect(offers.deleted).toEqual([offer(2), offer(3), offer(5)]);
    expect(offers.applied).toBe(base + 5);
    await relay.stop();
  });
});
