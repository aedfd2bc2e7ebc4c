import { EntityManager } from '@mikro-orm/core';
import { AggregateType, OutboxEventEntity } from '@alternance/platform/data-access';

/** How long a transaction may take to commit after taking its outbox id: events are re-read for this long. */
export const SETTLE_MS = 30_000;
/** A full reload now and then, in case a transaction outlived SETTLE_MS. */
export const FULL_RELOAD_MS = 10 * 60_000;
/** More changed rows than this since the last query: reloading everything is simpler and not slower. */
const MAX_INCREMENTAL = 2_000;

export interface SnapshotSource<T> {
  readonly aggregateType: AggregateType;
  /** Every row the matcher should see (published offers, marketplace people). */
  loadAll(em: EntityManager): Promise<T[]>;
  /** The rows among `ids` the matcher should see now; a missing id was removed or left the pool. */
  loadSome(em: EntityManager, ids: string[]): Promise<T[]>;
}

/**
 * The rows the matcher reads, kept between queries and brought up to date from the outbox:
 * each query first reads the outbox events of the last moments (one indexed range query), and
 * reloads only the rows those events name. The answer is the same array object while nothing
 * changed, so the matcher's prepared pool for it is reused; after a change it is a new array
 * whose unchanged rows are the same objects, so only changed rows are prepared again.
 *
 * Outbox ids are taken before commit: a transaction can commit after a later one. Events are
 * therefore re-read until they are SETTLE_MS old (applied ones are remembered by id), and the
 * whole set is reloaded every FULL_RELOAD_MS.
 */
export class MatchSnapshot<T extends { id: string }> {
  private rows: T[] | null = null;
  private loadedAt = 0;
  /** Events below this id are reflected; those above it that were applied are in `applied`. */
  private floor = 0;
  private applied = new Set<number>();
  /** The highest event id seen by each refresh, to move the floor once it has settled. */
  private marks: { at: number; maxId: number }[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly source: SnapshotSource<T>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The current rows. Calls run one after the other, each seeing every change committed before it began. */
  current(em: EntityManager): Promise<readonly T[]> {
    const next = this.queue.then(() => this.refresh(em));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async refresh(em: EntityManager): Promise<T[]> {
    const now = this.now();
    if (!this.rows || now - this.loadedAt >= FULL_RELOAD_MS) return this.reload(em, now);
    const events = await this.eventsAbove(em, this.floor);
    const fresh = events.filter((e) => !this.applied.has(e.id));
    if (fresh.length > MAX_INCREMENTAL) return this.reload(em, now);
    if (fresh.length > 0) {
      const ids = [...new Set(fresh.map((e) => e.aggregateId))];
      const changed = new Set(ids);
      const reloaded = await this.source.loadSome(em, ids);
      this.rows = [...this.rows.filter((row) => !changed.has(row.id)), ...reloaded];
      for (const event of fresh) this.applied.add(event.id);
    }
    this.settle(now, events.reduce((max, e) => Math.max(max, e.id), this.floor));
    return this.rows;
  }

  private async reload(em: EntityManager, now: number): Promise<T[]> {
    // Events first: whatever committed before the rows are read is in them.
    const floor = await this.floorFor(em);
    const recent = await this.eventsAbove(em, floor);
    this.rows = await this.source.loadAll(em);
    this.loadedAt = now;
    this.applied = new Set(recent.map((e) => e.id));
    this.floor = floor;
    this.marks = [];
    this.settle(now, recent.reduce((max, e) => Math.max(max, e.id), this.floor));
    return this.rows;
  }

  /** Where to start re-reading after a full load: the last few thousand events, which covers any transaction still in flight. */
  private async floorFor(em: EntityManager): Promise<number> {
    const [last] = await em.find(OutboxEventEntity, {}, { fields: ['id'], orderBy: { id: 'desc' }, limit: 1 });
    return last ? Math.max(0, Number(last.id) - MAX_INCREMENTAL) : 0;
  }

  private async eventsAbove(em: EntityManager, floor: number): Promise<{ id: number; aggregateId: string }[]> {
    const rows = await em.find(
      OutboxEventEntity,
      { id: { $gt: String(floor) }, aggregateType: this.source.aggregateType },
      { fields: ['id', 'aggregateId'], orderBy: { id: 'asc' }, disableIdentityMap: true },
    );
    return rows.map((row) => ({ id: Number(row.id), aggregateId: row.aggregateId }));
  }

  /** Moves the floor to the highest id seen at least SETTLE_MS ago, forgetting applied ids below it. */
  private settle(now: number, maxId: number): void {
    this.marks.push({ at: now, maxId });
    let settled = this.floor;
    while (this.marks.length && now - this.marks[0].at >= SETTLE_MS) settled = Math.max(settled, this.marks.shift()!.maxId);
    if (settled > this.floor) {
      this.floor = settled;
      for (const id of this.applied) if (id <= settled) this.applied.delete(id);
    }
  }
}
