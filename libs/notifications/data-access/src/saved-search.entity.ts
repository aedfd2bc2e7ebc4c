import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Ref, Unique } from '@mikro-orm/core';
import { UserEntity } from '@alternance/identity/data-access';

/** A job board search as the candidate saved it: words, filters and order, no paging. */
export interface StoredOfferSearch {
  query?: string | null;
  filters?: Record<string, unknown> | null;
  sort?: string | null;
}

@Entity({ tableName: 'saved_searches' })
@Index({ properties: ['user', 'createdAt'] })
export class SavedSearchEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => UserEntity, { ref: true, deleteRule: 'cascade' })
  user!: Ref<UserEntity>;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'json' })
  search!: StoredOfferSearch;

  /** Whether new matches are sent in the daily digest. */
  @Property({ type: 'boolean' })
  alert = false;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  /** Offers published up to this instant have been considered for alerts. */
  @Property({ type: 'Date' })
  alertedUpTo: Date = new Date();
}

/** An offer already told to a saved search: never twice. */
@Entity({ tableName: 'saved_search_matches' })
@Unique({ properties: ['savedSearch', 'offerId'] })
export class SavedSearchMatchEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => SavedSearchEntity, { ref: true, deleteRule: 'cascade' })
  savedSearch!: Ref<SavedSearchEntity>;

  @Property({ type: 'string', length: 36 })
  offerId!: string;

  @Property({ type: 'Date' })
  notifiedAt: Date = new Date();
}
