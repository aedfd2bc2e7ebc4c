import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { Role } from '@alternance/platform/domain';
import { OrganizationEntity } from '@alternance/organizations/data-access';

@Entity({ tableName: 'users' })
export class UserEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stored lower-cased: the unique index then matches what people mean by "same email". */
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  /** scrypt, with its parameters, in PHC-like form; never leaves this entity. */
  @Property({ type: 'string', length: 300, hidden: true, lazy: true })
  passwordHash!: string;

  @Enum({ items: () => Role, type: 'string' })
  role!: Role;

  @Property({ type: 'string', length: 120 })
  displayName!: string;

  /** The employer's one organization; null for every other role. */
  @ManyToOne(() => OrganizationEntity, { nullable: true, ref: true, deleteRule: 'restrict' })
  organization: Ref<OrganizationEntity> | null = null;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', nullable: true })
  lastLoginAt: Date | null = null;

  /**
   * Staff only: the day (YYYY-MM-DD) this person was trained as a disability referent; null when
   * not a trained referent. Trained referents are given to apprentices with a recognised disability.
   */
  @Property({ type: 'string', length: 10, nullable: true })
  disabilityReferentTrainedAt: string | null = null;

  /**
   * Last sign-in or write of the person's own data (profile, applications): retention counts
   * two years of inactivity from here.
   */
  @Property({ type: 'Date', nullable: true })
  @Index()
  lastActiveAt: Date | null = null;
}
