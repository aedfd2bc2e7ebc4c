import { EntityManager, MikroORM } from '@mikro-orm/core';
import { AggregateType, OutboxEventEntity, OutboxListener } from '@alternance/platform/data-access';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { OfferEntity } from '@alternance/offers/data-access';
import { IndexStore, candidateDocument, isIndexableCandidate, isIndexableOffer, offerDocument } from '@alternance/search/domain';
import { allIds, loadIndexableCandidates, loadIndexableOffers, offerIdsOfOrganizations } from './indexable';

export interface RelayOptions {
  batchSize?: number;
  /** How often other processes' writes are picked up: the "everyone within a second" bound. */
  pollMs?: number;
  /** First retry delay after a failure; doubles up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  log?: (message: string) => void;
}

/**
 * Applies the outbox to the search indexes, in event order, idempotently: each event only
 * says "this aggregate changed", and the relay indexes the aggregate as the database has it
 * now (or removes it), so replaying an event is harmless. Each index remembers, durably and
 * with its own data, the last event it applied; after a crash the relay replays from there.
 */
export class OutboxRelay implements OutboxListener {
  private readonly batchSize: number;
  private readonly log: (message: string) => void;
  private running: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private failures = 0;
  private retryAt = 0;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly offers: IndexStore,
    private readonly candidates: IndexStore,
    private readonly options: RelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.log = options.log ?? (() => undefined);
  }

  /** Catches up with the outbox, then keeps polling in the background. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.drain();
    const poll = this.options.pollMs ?? 500;
    this.timer = setInterval(() => void this.drain(), poll);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await Promise.all([this.offers.close(), this.candidates.close()]);
  }

  /** After a write commits: index it before the writer's response, so they read their own write. */
  async changesCommitted(): Promise<void> {
    await this.drain();
  }

  /** One drain at a time; a call during a drain waits for a fresh one (which sees its event). */
  drain(): Promise<void> {
    const next = this.running.then(() => this.drainOnce());
    this.running = next.catch(() => undefined);
    return this.running;
  }

  private async drainOnce(): Promise<void> {
    if (this.stopped || Date.now() < this.retryAt) return;
    try {
      for (;;) {
        const applied = await this.applyNextBatch();
        if (applied < this.batchSize) break;
      }
      this.failures = 0;
    } catch (error) {
      // The events stay in the outbox: the next poll retries, with growing pauses.
      this.failures++;
      const delay = Math.min((this.options.backoffMs ?? 200) * 2 ** (this.failures - 1), this.options.maxBackoffMs ?? 30_000);
      this.retryAt = Date.now() + delay;
      this.log(`search indexing failed (attempt ${this.failures}, retrying in ${delay} ms): ${(error as Error).message}`);
    }
  }

  /** Applies the events after the least advanced index's watermark; returns how many were read. */
  private async applyNextBatch(): Promise<number> {
    const [offersAt, candidatesAt] = await Promise.all([this.offers.appliedUpTo(), this.candidates.appliedUpTo()]);
    const from = Math.min(offersAt, candidatesAt);
    const em = this.orm.em.fork();
    const events = await em.find(OutboxEventEntity, { id: { $gt: String(from) } }, { orderBy: { id: 'asc' }, limit: this.batchSize });
    if (!events.length) return 0;
    const last = Number(events[events.length - 1].id);
    const after = (at: number) => events.filter((e) => Number(e.id) > at);

    const offerEvents = after(offersAt);
    if (offerEvents.length) {
      const ids = new Set(offerEvents.filter((e) => e.aggregateType === AggregateType.OFFER).map((e) => e.aggregateId));
      const orgs = offerEvents.filter((e) => e.aggregateType === AggregateType.ORGANIZATION).map((e) => e.aggregateId);
      for (const id of await offerIdsOfOrganizations(em, [...new Set(orgs)])) ids.add(id);
      await this.applyOffers(em, [...ids]);
      await this.offers.markApplied(last);
    }
    const candidateEvents = after(candidatesAt).filter((e) => e.aggregateType === AggregateType.CANDIDATE);
    if (after(candidatesAt).length) {
      await this.applyCandidates(em, [...new Set(candidateEvents.map((e) => e.aggregateId))]);
      await this.candidates.markApplied(last);
    }
    return events.length;
  }

  private async applyOffers(em: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found = await loadIndexableOffers(em, ids);
    const docs = [...found.values()].filter(isIndexableOffer).map(offerDocument);
    const gone = ids.filter((id) => !found.has(id) || !isIndexableOffer(found.get(id)!));
    if (docs.length) await this.offers.upsert(docs);
    if (gone.length) await this.offers.delete(gone);
  }

  private async applyCandidates(em: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found = await loadIndexableCandidates(em, ids);
    const docs = [...found.values()].filter(isIndexableCandidate).map(candidateDocument);
    const gone = ids.filter((id) => !found.has(id) || !isIndexableCandidate(found.get(id)!));
    if (docs.length) await this.candidates.upsert(docs);
    if (gone.length) await this.candidates.delete(gone);
  }

  /** Rebuilds both indexes from the database (`npm run reindex`). */
  async reindex(): Promise<{ offers: number; candidates: number }> {
    const run = this.running.then(async () => {
      const em = this.orm.em.fork();
      // Events written during the rebuild are replayed afterwards: harmless, and nothing is missed.
      const latest = await em.findOne(OutboxEventEntity, {}, { orderBy: { id: 'desc' }, fields: ['id'] });
      const watermark = latest ? Number(latest.id) : 0;
      await this.offers.clear();
      await this.candidates.clear();
      for await (const ids of allIds(em, OfferEntity)) {
        await this.applyOffers(em, ids);
        em.clear();
      }
      for await (const ids of allIds(em, CandidateEntity)) {
        await this.applyCandidates(em, ids);
        em.clear();
      }
      await this.offers.markApplied(watermark);
      await this.candidates.markApplied(watermark);
      return { offers: await this.offers.count(), candidates: await this.candidates.count() };
    });
    this.running = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
