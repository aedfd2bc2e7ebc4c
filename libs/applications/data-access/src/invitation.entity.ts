import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Ref, Unique } from '@mikro-orm/core';
import { InvitationStatus } from '@alternance/applications/domain';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { UserEntity } from '@alternance/identity/data-access';
import { OfferEntity } from '@alternance/offers/data-access';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { ApplicationEntity } from './application.entity';

/**
 * An employer's invitation to a marketplace candidate to apply to one offer. One per offer and
 * candidate, whatever its answer: declining is final for that offer. The organization is kept
 * beside the offer so that "has this candidate accepted an invitation from the viewer's
 * organization" (which reveals an anonymous identity) is one indexed lookup.
 */
@Entity({ tableName: 'invitations' })
@Unique({ properties: ['offer', 'candidate'] })
@Index({ properties: ['organization', 'candidate', 'status'] })
@Index({ properties: ['candidate', 'createdAt'] })
export class InvitationEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => OfferEntity, { ref: true, deleteRule: 'cascade' })
  offer!: Ref<OfferEntity>;

  @ManyToOne(() => OrganizationEntity, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<OrganizationEntity>;

  @ManyToOne(() => CandidateEntity, { ref: true, deleteRule: 'cascade' })
  candidate!: Ref<CandidateEntity>;

  /** Who sent it (told of the answer); null once that account is gone. */
  @ManyToOne(() => UserEntity, { ref: true, nullable: true, deleteRule: 'set null' })
  invitedBy: Ref<UserEntity> | null = null;

  @Property({ type: 'text' })
  message = '';

  @Enum({ items: () => InvitationStatus, type: 'string' })
  status: InvitationStatus = InvitationStatus.PENDING;

  /** The application accepting made (or found, when the candidate had applied already). */
  @ManyToOne(() => ApplicationEntity, { ref: true, nullable: true, deleteRule: 'set null' })
  application: Ref<ApplicationEntity> | null = null;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', nullable: true })
  answeredAt: Date | null = null;

  @Property({ type: 'integer', version: true })
  version = 1;
}
