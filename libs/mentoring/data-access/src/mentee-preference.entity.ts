import { randomUUID } from 'node:crypto';
import { Entity, OneToOne, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { UserEntity } from '@alternance/identity/data-access';

/** What an apprentice tells the mentoring: languages, and an accommodation need shared only by choice. */
@Entity({ tableName: 'mentee_preferences' })
export class MenteePreferenceEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @OneToOne(() => UserEntity, { ref: true, owner: true, unique: true, deleteRule: 'cascade' })
  user!: Ref<UserEntity>;

  /** ISO 639-1 codes, most comfortable first. */
  @Property({ type: 'json' })
  languages: string[] = ['fr'];

  /** A work accommodation the apprentice needs, in their words. */
  @Property({ type: 'text', nullable: true })
  accommodationNeed: string | null = null;

  /** The apprentice's consent to show `accommodationNeed` to their mentor. */
  @Property({ type: 'boolean' })
  shareAccommodationWithMentor = false;

  @Property({ type: 'Date' })
  updatedAt: Date = new Date();
}
