import { EntityManager } from '@mikro-orm/core';
import { AggregateType, OutboxEventEntity } from './outbox.entity';

/**
 * Records that an aggregate changed. Call it before the flush that writes the change: both
 * rows then commit (or roll back) together.
 */
export function recordChange(em: EntityManager, aggregateType: AggregateType, aggregateId: string, at: Date): void {
  em.persist(Object.assign(new OutboxEventEntity(), { aggregateType, aggregateId, createdAt: at }));
}

export interface OutboxListener {
  /** Called after a transaction that recorded changes has committed. */
  changesCommitted(): Promise<void>;
}

export const OUTBOX_LISTENER = Symbol('OUTBOX_LISTENER');
