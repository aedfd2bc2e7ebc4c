import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

export enum ImportRunStatus {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  /** The feed could not be read to its end: what was read is kept, nothing was closed. */
  FAILED = 'FAILED',
}

/** A record the run could not import, and where it was in the feed. */
export interface ImportRejectionData {
  record: number;
  location: string;
  reason: string;
  detail: string;
}

/** One import of one partner feed, with its counts: what staff read to follow the imports. */
@Entity({ tableName: 'import_runs' })
@Index({ properties: ['source', 'startedAt'] })
export class ImportRunEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 40 })
  source!: string;

  /** File path or URL read. */
  @Property({ type: 'string', length: 2000 })
  location!: string;

  @Enum({ items: () => ImportRunStatus, type: 'string' })
  status: ImportRunStatus = ImportRunStatus.RUNNING;

  /** The feed lists every offer of the source (absences count), not only changes. */
  @Property({ type: 'boolean' })
  complete = true;

  @Property({ type: 'Date' })
  startedAt!: Date;

  @Property({ type: 'Date', nullable: true })
  finishedAt: Date | null = null;

  @Property({ type: 'integer' })
  read = 0;

  @Property({ type: 'integer' })
  created = 0;

  @Property({ type: 'integer' })
  updated = 0;

  @Property({ type: 'integer' })
  unchanged = 0;

  /** Offers closed because the source stopped listing them. */
  @Property({ type: 'integer' })
  closed = 0;

  /** Records that are not work-study offers: read and left out on purpose. */
  @Property({ type: 'integer' })
  skipped = 0;

  /** Records that could not be imported (see `rejections`). */
  @Property({ type: 'integer' })
  rejected = 0;

  /** Of the created or updated, offers kept as drafts because their occupation is unsure. */
  @Property({ type: 'integer' })
  flagged = 0;

  /** Records found to be another partner's offer, attached to it as one more source. */
  @Property({ type: 'integer' })
  merged = 0;

  /** Why nothing was closed, when nothing could be: PARTIAL_FEED, FEED_FAILED, FEED_SHRANK. */
  @Property({ type: 'string', length: 40, nullable: true })
  closingSkipped: string | null = null;

  /** The first rejections (at most 100), with their place in the feed. */
  @Property({ type: 'json' })
  rejections: ImportRejectionData[] = [];

  @Property({ type: 'text', nullable: true })
  error: string | null = null;
}
