import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { UserEntity } from '@alternance/identity/data-access';
import { ApplicationEntity } from '@alternance/applications/data-access';

export interface StoredFitReason {
  code: string;
  text: string;
}

/** One hired apprentice's mentor (and, with a recognised disability, trained referent). */
@Entity({ tableName: 'mentor_assignments' })
export class MentorAssignmentEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The HIRED application: one mentor per hire. */
  @ManyToOne(() => ApplicationEntity, { ref: true, unique: true, deleteRule: 'cascade' })
  application!: Ref<ApplicationEntity>;

  /** The apprentice's account (kept so that the apprentice's erasure finds the row). */
  @ManyToOne(() => UserEntity, { ref: true, deleteRule: 'cascade' })
  @Index()
  apprentice!: Ref<UserEntity>;

  @ManyToOne(() => UserEntity, { ref: true, deleteRule: 'cascade' })
  @Index()
  mentor!: Ref<UserEntity>;

  /** A staff member trained as a disability referent, for an apprentice who needs one. */
  @ManyToOne(() => UserEntity, { ref: true, nullable: true, deleteRule: 'set null' })
  referent: Ref<UserEntity> | null = null;

  @Property({ type: 'integer' })
  fit = 0;

  @Property({ type: 'json' })
  reasons: StoredFitReason[] = [];

  /** Set by staff by hand: the assignment keeps it. */
  @Property({ type: 'boolean' })
  pinned = false;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date' })
  updatedAt: Date = new Date();
}
