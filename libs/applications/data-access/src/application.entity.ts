import { randomUUID } from 'node:crypto';
import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Ref, Unique } from '@mikro-orm/core';
import { Role } from '@alternance/platform/domain';
import { ApplicationStatus, RejectionReason, ScreeningAnswer } from '@alternance/applications/domain';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { OfferEntity } from '@alternance/offers/data-access';

/**
 * A candidate's application to an offer. The unique (candidate, offer) pair is what makes a
 * repeated or concurrent application a CONFLICT rather than a duplicate. When a candidate is
 * erased the employer keeps the application without them: `candidate` becomes null.
 */
@Entity({ tableName: 'applications' })
@Unique({ properties: ['candidate', 'offer'] })
@Index({ properties: ['offer', 'status'] })
export class ApplicationEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => OfferEntity, { ref: true, deleteRule: 'cascade' })
  offer!: Ref<OfferEntity>;

  @ManyToOne(() => CandidateEntity, { ref: true, nullable: true, deleteRule: 'set null' })
  candidate: Ref<CandidateEntity> | null = null;

  @Enum({ items: () => ApplicationStatus, type: 'string' })
  status: ApplicationStatus = ApplicationStatus.SUBMITTED;

  @Property({ type: 'text' })
  message = '';

  /** The offer's screening questions as they were asked, with the answers. */
  @Property({ type: 'json' })
  answers: ScreeningAnswer[] = [];

  @Enum({ items: () => RejectionReason, type: 'string', nullable: true })
  rejectionReason: RejectionReason | null = null;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date' })
  updatedAt: Date = new Date();

  /** Two moves of one application at once: the second one fails instead of overwriting. */
  @Property({ type: 'integer', version: true })
  version = 1;

  @OneToMany(() => ApplicationEventEntity, (e) => e.application, { orderBy: { id: 'asc' } })
  history = new Collection<ApplicationEventEntity>(this);
}

/** One move of an application: its new status, who made it, when, and their note. */
@Entity({ tableName: 'application_history' })
export class ApplicationEventEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => ApplicationEntity, { ref: true, deleteRule: 'cascade', index: true })
  application!: Ref<ApplicationEntity>;

  @Enum({ items: () => ApplicationStatus, type: 'string' })
  status!: ApplicationStatus;

  @Enum({ items: () => RejectionReason, type: 'string', nullable: true })
  rejectionReason: RejectionReason | null = null;

  /** The account that made the move; null once that person's data is erased. */
  @Property({ type: 'uuid', nullable: true })
  actorUserId: string | null = null;

  @Enum({ items: () => Role, type: 'string' })
  actorRole!: Role;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'Date' })
  at: Date = new Date();
}
