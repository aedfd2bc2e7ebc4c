import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { SkillKind } from '@alternance/taxonomy/domain';

/** A ROME 4.0 occupation (fiche métier). */
@Entity({ tableName: 'occupations' })
export class OccupationEntity {
  @PrimaryKey({ type: 'string', length: 5 })
  code!: string;

  @Property({ type: 'string', length: 200 })
  label!: string;

  /** Accent- and case-folded label, for text filters that behave the same on every database. */
  @Property({ type: 'string', length: 200 })
  @Index()
  searchLabel!: string;

  @Property({ type: 'string', length: 5, nullable: true })
  parentCode: string | null = null;
}

/** A job title (appellation) that belongs to an occupation. */
@Entity({ tableName: 'job_titles' })
export class JobTitleEntity {
  @PrimaryKey({ type: 'string', length: 12 })
  code!: string;

  @Property({ type: 'string', length: 300 })
  label!: string;

  @Property({ type: 'string', length: 300 })
  searchLabel!: string;

  @Property({ type: 'string', length: 5 })
  @Index()
  romeCode!: string;
}

/** A ROME skill item: know-how, soft skill or knowledge (code OGR). */
@Entity({ tableName: 'skills' })
export class SkillEntity {
  @PrimaryKey({ type: 'string', length: 12 })
  code!: string;

  @Property({ type: 'string', length: 400 })
  label!: string;

  @Property({ type: 'string', length: 400 })
  @Index()
  searchLabel!: string;

  @Enum({ items: () => SkillKind, type: 'string' })
  kind!: SkillKind;

  @Property({ type: 'string', length: 200, nullable: true })
  category: string | null = null;
}

/** Which skills an occupation asks for, grouped in blocks; core ones define the occupation. */
@Entity({ tableName: 'occupation_skills' })
@Index({ properties: ['skillCode'] })
export class OccupationSkillEntity {
  @PrimaryKey({ type: 'string', length: 5 })
  romeCode!: string;

  @PrimaryKey({ type: 'string', length: 12 })
  skillCode!: string;

  @Property({ type: 'integer', nullable: true })
  block: number | null = null;

  @Property({ type: 'boolean' })
  core = false;
}

/** Neighbouring occupations one can move to (rubrique mobilité), with their published order number. */
@Entity({ tableName: 'occupation_mobilities' })
export class OccupationMobilityEntity {
  @PrimaryKey({ type: 'string', length: 5 })
  romeCode!: string;

  @PrimaryKey({ type: 'string', length: 5 })
  targetCode!: string;

  @Property({ type: 'integer' })
  rank!: number;
}

/** A French commune with one of its postcodes, as La Poste lists them. */
@Entity({ tableName: 'communes' })
@Index({ properties: ['postcode'] })
export class CommuneEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 5 })
  @Index()
  inseeCode!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 5 })
  postcode!: string;

  @Property({ type: 'double', nullable: true })
  lat: number | null = null;

  @Property({ type: 'double', nullable: true })
  lng: number | null = null;
}

export const TAXONOMY_ENTITIES = [
  OccupationEntity,
  JobTitleEntity,
  SkillEntity,
  OccupationSkillEntity,
  OccupationMobilityEntity,
  CommuneEntity,
];
