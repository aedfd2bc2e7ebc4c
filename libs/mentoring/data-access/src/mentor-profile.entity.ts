import { randomUUID } from 'node:crypto';
import { Entity, OneToOne, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { UserEntity } from '@alternance/identity/data-access';

/** What a MENTOR account mentors: staff write it, the mentor may change it. */
@Entity({ tableName: 'mentor_profiles' })
export class MentorProfileEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @OneToOne(() => UserEntity, { ref: true, owner: true, unique: true, deleteRule: 'cascade' })
  user!: Ref<UserEntity>;

  /** ROME occupation codes mentored. */
  @Property({ type: 'json' })
  occupations: string[] = [];

  /** ROME skill codes mentored. */
  @Property({ type: 'json' })
  skills: string[] = [];

  /** ISO 639-1 codes of the languages the mentor mentors in. */
  @Property({ type: 'json' })
  languages: string[] = [];

  /** Mentees the mentor takes at once (0 takes none). */
  @Property({ type: 'integer' })
  weeklyCapacity = 0;

  /** The day (YYYY-MM-DD) the mentor was trained in disability management; null when not trained. */
  @Property({ type: 'string', length: 10, nullable: true })
  disabilityTrainedAt: string | null = null;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date' })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version = 1;
}
