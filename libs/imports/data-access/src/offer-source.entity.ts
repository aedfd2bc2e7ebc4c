import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Ref, Unique } from '@mikro-orm/core';
import { OfferEntity } from '@alternance/offers/data-access';

/**
 * Where an imported offer comes from: one row per partner that lists it (an offer posted on
 * several boards has several), with the partner's own id and when the offer was first and
 * last seen in that partner's feed.
 */
@Entity({ tableName: 'offer_sources' })
@Unique({ properties: ['source', 'externalId'] })
@Index({ properties: ['source', 'lastSeenAt'] })
export class OfferSourceEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => OfferEntity, { ref: true, deleteRule: 'cascade', index: true })
  offer!: Ref<OfferEntity>;

  @Property({ type: 'string', length: 40 })
  source!: string;

  @Property({ type: 'string', length: 200 })
  externalId!: string;

  /** Digest of what the import wrote from this partner's version: equal means unchanged. */
  @Property({ type: 'string', length: 64 })
  digest!: string;

  /** The dedup key (employer, normalised title, commune) this version had, to find reposts. */
  @Property({ type: 'string', length: 300 })
  @Index()
  dedupKey!: string;

  @Property({ type: 'Date' })
  firstSeenAt!: Date;

  @Property({ type: 'Date' })
  lastSeenAt!: Date;

  /** Complete runs of this source in a row that did not list the offer. */
  @Property({ type: 'integer' })
  missedRuns = 0;

  /** The partner no longer lists it (closed by absence); listed again, it reopens nothing by itself. */
  @Property({ type: 'boolean' })
  gone = false;
}
