import { randomUUID } from 'node:crypto';
import { BeforeCreate, BeforeUpdate, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Country } from '@alternance/platform/domain';

export interface CompetencyBlockData {
  code: string;
  title: string;
  skillCodes: string[];
}

/** A training path: a certification taken in 6-18 months of competency blocks. */
@Entity({ tableName: 'programs' })
// The catalogue lists paths by title: with this index a page is read in order, not sorted from every row.
@Index({ properties: ['title', 'id'] })
export class ProgramEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The certification's RNCP record (several diploma codes can share one), or its diploma code when it has none. */
  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @Property({ type: 'string', length: 400 })
  title!: string;

  @Property({ type: 'string', length: 400 })
  @Index()
  searchTitle!: string;

  @Enum({ items: () => Country, type: 'string', length: 2 })
  country: Country = Country.FR;

  @Property({ type: 'string', length: 20, nullable: true })
  @Index()
  rncpCode: string | null = null;

  @Property({ type: 'integer', nullable: true })
  level: number | null = null;

  @Property({ type: 'json' })
  romeCodes: string[] = [];

  /**
   * The ROME codes as `|M1805|M1810|`, kept in step by hooks: a plain text column that both
   * engines can filter with LIKE (PostgreSQL stores the JSON above as jsonb).
   */
  @Property({ type: 'string', length: 200 })
  @Index()
  romeCodesKey = '||';

  @Property({ type: 'integer' })
  durationMonths!: number;

  @Property({ type: 'integer' })
  trainingDaysPerWeek!: number;

  @Property({ type: 'integer' })
  trainingHours!: number;

  @Property({ type: 'boolean' })
  poeEligible = false;

  @Property({ type: 'boolean' })
  openToApprenticeship = true;

  @Property({ type: 'json' })
  competencyBlocks: CompetencyBlockData[] = [];

  @BeforeCreate()
  @BeforeUpdate()
  syncRomeCodesKey(): void {
    this.romeCodesKey = programRomeCodesKey(this.romeCodes);
  }
}

export function programRomeCodesKey(codes: string[]): string {
  return `|${codes.join('|')}|`;
}
