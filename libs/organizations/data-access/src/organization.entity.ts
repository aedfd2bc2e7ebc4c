import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Country, OrganizationSize } from '@alternance/organizations/domain';

@Entity({ tableName: 'organizations' })
export class OrganizationEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** French establishments only; unique so one employer cannot be registered twice. */
  @Property({ type: 'string', length: 14, nullable: true, unique: true })
  siret: string | null = null;

  @Enum({ items: () => Country, type: 'string', length: 2 })
  country!: Country;

  @Property({ type: 'string', length: 120, nullable: true })
  sector: string | null = null;

  @Enum({ items: () => OrganizationSize, type: 'string', nullable: true })
  size: OrganizationSize | null = null;

  /** Has a named disability referent (référent handicap) for apprentices. */
  @Property({ type: 'boolean' })
  disabilityReferent = false;

  /** Workplace accommodations the employer commits to, in its own words. */
  @Property({ type: 'text', nullable: true })
  accommodations: string | null = null;

  /**
   * False for an organization created by a partner-feed import: no member yet. An employer who
   * signs up with its SIRET claims it (and its imported offers) instead of creating another.
   */
  @Property({ type: 'boolean' })
  claimed = true;

  /** Imports find an employer named without a SIRET by this key (`communeKey`-style folding of the name). */
  @Property({ type: 'string', length: 200, nullable: true })
  @Index()
  nameKey: string | null = null;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date' })
  updatedAt: Date = new Date();
}
