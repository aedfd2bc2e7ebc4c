import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { Country } from '@alternance/platform/domain';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { ContractType, HireContractType, OfferStatus, RemotePolicy, SalaryPeriod } from '@alternance/offers/domain';
import { SkillLevel } from '@alternance/taxonomy/domain';

/** A skill as the offer asks for it; the label is kept so reads need no join. */
export interface OfferSkillData {
  code: string;
  label: string;
  level: SkillLevel;
  required: boolean;
}

@Entity({ tableName: 'offers' })
@Index({ properties: ['status', 'publishedAt'] })
// The expiry job's reads (published offers past, or near, their expiry, in expiry order).
@Index({ properties: ['status', 'expiresAt', 'id'] })
export class OfferEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => OrganizationEntity, { ref: true, deleteRule: 'restrict' })
  organization!: Ref<OrganizationEntity>;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  description!: string;

  @Enum({ items: () => ContractType, type: 'string' })
  contractType!: ContractType;

  @Enum({ items: () => HireContractType, type: 'string', nullable: true })
  hireContractType: HireContractType | null = null;

  @Property({ type: 'integer', nullable: true })
  hireContractDurationMonths: number | null = null;

  @Property({ type: 'string', length: 5 })
  @Index()
  romeCode!: string;

  @Property({ type: 'json' })
  skills: OfferSkillData[] = [];

  /** Training paths this job can be taken with. */
  @Property({ type: 'json' })
  programIds: string[] = [];

  @Property({ type: 'string', length: 100, nullable: true })
  city: string | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  postcode: string | null = null;

  @Property({ type: 'string', length: 5, nullable: true })
  inseeCode: string | null = null;

  @Enum({ items: () => Country, type: 'string', length: 2 })
  country!: Country;

  @Property({ type: 'double' })
  lat!: number;

  @Property({ type: 'double' })
  lng!: number;

  @Enum({ items: () => RemotePolicy, type: 'string' })
  remotePolicy!: RemotePolicy;

  @Property({ type: 'string', length: 10 })
  startEarliest!: string;

  @Property({ type: 'string', length: 10 })
  startLatest!: string;

  @Property({ type: 'integer' })
  positions = 1;

  /** Up to 3 questions candidates answer when they apply. */
  @Property({ type: 'json' })
  screeningQuestions: string[] = [];

  @Property({ type: 'integer', nullable: true })
  salaryMin: number | null = null;

  @Property({ type: 'integer', nullable: true })
  salaryMax: number | null = null;

  @Property({ type: 'string', length: 3, nullable: true })
  salaryCurrency: string | null = null;

  @Enum({ items: () => SalaryPeriod, type: 'string', nullable: true })
  salaryPeriod: SalaryPeriod | null = null;

  @Enum({ items: () => OfferStatus, type: 'string' })
  status: OfferStatus = OfferStatus.DRAFT;

  /** Offers imported from a partner feed may be applied to on the partner's page instead. */
  @Property({ type: 'string', length: 2000, nullable: true })
  applyUrl: string | null = null;

  /** ...or by mail to the partner's address. Neither set: candidates apply in the product. */
  @Property({ type: 'string', length: 320, nullable: true })
  applyEmail: string | null = null;

  /** The diploma or level a partner's offer names, as published ("BTS MCO", "Bac+3"). */
  @Property({ type: 'string', length: 200, nullable: true })
  diploma: string | null = null;

  /**
   * An imported offer whose occupation could not be told from its title with confidence: kept
   * as a draft with the best guess for staff to check, never published on a guess.
   */
  @Property({ type: 'boolean' })
  occupationToReview = false;

  @Property({ type: 'Date', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'Date', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date' })
  updatedAt: Date = new Date();

  /** Bumped on every change: optimistic locking now, index versions later. */
  @Property({ type: 'integer', version: true })
  version = 1;
}
