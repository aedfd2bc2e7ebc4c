import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** What changed; the relay reads the current state from the database, not from the event. */
export enum AggregateType {
  OFFER = 'OFFER',
  CANDIDATE = 'CANDIDATE',
  ORGANIZATION = 'ORGANIZATION',
}

/**
 * The transactional outbox: a row is written in the same transaction as the change it
 * announces, so the search index can never miss a committed change (the relay applies rows
 * in id order; each index records, with its own data, the last row it applied).
 */
@Entity({ tableName: 'outbox_events' })
@Index({ properties: ['aggregateType', 'aggregateId'] })
export class OutboxEventEntity {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Enum({ items: () => AggregateType, type: 'string' })
  aggregateType!: AggregateType;

  @Property({ type: 'string', length: 36 })
  aggregateId!: string;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
