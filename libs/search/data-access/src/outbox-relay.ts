import { EntityManager, MikroORM } from '@mikro-orm/core';
import { AggregateType, Lease, OutboxEventEntity, OutboxListener } from '@alternance/platform/data-access';
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
  /**
   * Taken for each batch when several processes may relay toward the same (shared) index: only
   * the holder applies, the others wait for their next poll. Without it, this relay is the only one.
   */
  lease?: Lease;
  /**
   * Another process relays (RELAY_IN_PROCESS=false): this one never applies; after a commit it
   * only waits, up to catchUpTimeoutMs, for the shared index to pass the latest event.
   */
  passive?: boolean;
  /** How long a writer waits for another process's relay before returning anyway. */
  catchUpTimeoutMs?: number;
  /** How long a missing outbox id may still be a transaction about to commit (default 2 s). */
  gapGraceMs?: number;
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
  /** The last drain found the lease taken: another process is applying the outbox. */
  private leaseBusy = false;
  /** First id of each gap seen after an applied event, with when it was first seen. */
  private readonly gaps = new Map<number, number>();

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
    if (!this.options.passive) await this.drain();
    if (this.options.passive || this.leaseBusy) await this.waitForOtherRelay();
  }

  /** Read-your-writes when another process holds the lease: wait until the indexes pass the latest event. */
  private async waitForOtherRelay(): Promise<void> {
    const [latest] = await this.orm.em.fork().find(OutboxEventEntity, {}, { orderBy: { id: 'desc' }, limit: 1, fields: ['id'] });
    if (!latest) return;
    const target = Number(latest.id);
    const deadline = Date.now() + (this.options.catchUpTimeoutMs ?? 2000);
    while (Date.now() < deadline && !this.stopped) {
      const [offersAt, candidatesAt] = await Promise.all([this.offers.appliedUpTo(), this.candidates.appliedUpTo()]);
      if (Math.min(offersAt, candidatesAt) >= target) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** One drain at a time; a call during a drain waits for a fresh one (which sees its event). */
  drain(): Promise<void> {
    const next = this.running.then(() => this.drainOnce());
    this.running = next.catch(() => undefined);
    return this.running;
  }

  private async drainOnce(): Promise<void> {
    if (this.stopped || this.options.passive || Date.now() < this.retryAt) return;
    try {
      for (;;) {
        const outcome = this.options.lease ? await this.options.lease.run(() => this.applyNextBatch()) : { acquired: true as const, value: await this.applyNextBatch() };
        this.leaseBusy = !outcome.acquired;
        if (!outcome.acquired || outcome.value < this.batchSize) break;
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
    const read = await em.find(OutboxEventEntity, { id: { $gt: String(from) } }, { orderBy: { id: 'asc' }, limit: this.batchSize });
    const events = this.beforeYoungGap(from, read);
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

  /**
   * PostgreSQL hands out outbox ids before commit, so a transaction can commit after a later
   * one: a missing id may still arrive. Events are applied up to the first gap younger than
   * the grace period; an older gap is a rolled-back transaction and is passed. (SQLite writes
   * one transaction at a time and never leaves such a gap.) Only gaps after an applied event
   * count: below the first event ever read there is nothing to wait for.
   */
  private beforeYoungGap(from: number, events: OutboxEventEntity[]): OutboxEventEntity[] {
    const now = Date.now();
    const grace = this.options.gapGraceMs ?? 2_000;
    for (const seen of [...this.gaps.keys()]) if (seen <= from) this.gaps.delete(seen);
    let previous = from;
    for (let i = 0; i < events.length; i++) {
      const id = Number(events[i].id);
      if (previous > 0 && id !== previous + 1) {
        const firstSeen = this.gaps.get(previous + 1) ?? now;
        this.gaps.set(previous + 1, firstSeen);
        if (now - firstSeen < grace) return events.slice(0, i);
      }
      previous = id;
    }
    return events;
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
    const run = this.running.then(() => this.whileLeased(async () => {
      const em = this.orm.em.fork();
      // Events written during the rebuild are replayed afterwards: harmless, and nothing is missed.
      const [latest] = await em.find(OutboxEventEntity, {}, { orderBy: { id: 'desc' }, limit: 1, fields: ['id'] });
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
    }));
    this.running = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Waits for the lease (another process may be in the middle of a batch), then runs `work` under it. */
  private async whileLeased<T>(work: () => Promise<T>): Promise<T> {
    if (!this.options.lease) return work();
    for (;;) {
      const outcome = await this.options.lease.run(work);
      if (outcome.acquired) return outcome.value;
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 500));
    }
  }
}
