import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, OneToOne, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { OutcomeKind } from '@alternance/applications/domain';
import { ApplicationEntity } from './application.entity';

/**
 * What a hired apprentice answered six months after the planned end of their apprenticeship
 * (see `plannedEnd` in the applications domain). The row is written when the question is asked,
 * so one hire is asked once; the answer fills it in.
 */
@Entity({ tableName: 'outcomes' })
@Index({ properties: ['answeredAt'] })
export class OutcomeEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @OneToOne(() => ApplicationEntity, { ref: true, owner: true, unique: true, deleteRule: 'cascade' })
  application!: Ref<ApplicationEntity>;

  /** The hire's planned end (YYYY-MM-DD). */
  @Property({ type: 'string', length: 10 })
  plannedEnd!: string;

  @Property({ type: 'Date' })
  askedAt!: Date;

  @Property({ type: 'Date', nullable: true })
  answeredAt: Date | null = null;

  @Property({ type: 'boolean', nullable: true })
  employed: boolean | null = null;

  @Enum({ items: () => OutcomeKind, type: 'string', nullable: true })
  kind: OutcomeKind | null = null;
}
