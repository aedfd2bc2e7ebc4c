import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { NoticeKind, NoticeSubjectType } from '@alternance/platform/domain';
import { UserEntity } from '@alternance/identity/data-access';

/**
 * One notice in one person's inbox, and its mail: the row is the mail outbox too. It is
 * written in the transaction of the event it tells about; the dispatcher sends the mail
 * after commit and records the attempt, so a mail is sent at least once, whatever crashes.
 */
@Entity({ tableName: 'notifications' })
@Index({ properties: ['recipient', 'createdAt'] })
@Index({ properties: ['mailNextAttemptAt'] })
export class NotificationEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => UserEntity, { ref: true, deleteRule: 'cascade' })
  recipient!: Ref<UserEntity>;

  @Enum({ items: () => NoticeKind, type: 'string' })
  kind!: NoticeKind;

  @Property({ type: 'string', length: 300 })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'string', length: 20 })
  subjectType!: NoticeSubjectType;

  @Property({ type: 'string', length: 36 })
  subjectId!: string;

  /** The person the notice names, when not the recipient: their erasure redacts it. */
  @Property({ type: 'string', length: 36, nullable: true })
  @Index()
  aboutUserId: string | null = null;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', nullable: true })
  readAt: Date | null = null;

  @Property({ type: 'Date', nullable: true })
  mailedAt: Date | null = null;

  @Property({ type: 'integer' })
  mailAttempts = 0;

  /** When the mail is due (again); null once sent or given up. */
  @Property({ type: 'Date', nullable: true })
  mailNextAttemptAt: Date | null = null;
}
