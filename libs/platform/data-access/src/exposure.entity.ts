import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/core';

/** Where an employer was shown candidates: a talent marketplace search, or the matcher's candidates for an offer. */
export enum ExposureSource {
  SEARCH = 'SEARCH',
  MATCH = 'MATCH',
}

/** Positions an employer's top of a list counts, for the impact report's fair-exposure table. */
export const EXPOSURE_TOP = 20;

/**
 * One candidate shown in the first 20 places of an employer's marketplace search or match:
 * ids and time only, for the fair-exposure rates of the impact report. Written in one batch per
 * answer; erased with the candidate (applications' personal-data holder) and kept no longer
 * than their profile.
 */
@Entity({ tableName: 'marketplace_exposures' })
@Index({ properties: ['shownAt'] })
@Index({ properties: ['candidateId'] })
export class ExposureEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'uuid' })
  candidateId!: string;

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Enum({ items: () => ExposureSource, type: 'string' })
  source!: ExposureSource;

  @Property({ type: 'Date' })
  shownAt!: Date;
}

/**
 * Records the candidates an employer was shown, in the order shown: only the first
 * `EXPOSURE_TOP` places count (`firstPosition` is the first id's place, 0 on a first page).
 * One insert statement, outside the unit of work; nothing for staff or an empty page.
 */
export async function recordExposure(em: EntityManager, input: { organizationId: string | undefined; source: ExposureSource; candidateIds: readonly string[]; firstPosition?: number; at: Date }): Promise<void> {
  const start = input.firstPosition ?? 0;
  if (!input.organizationId || start >= EXPOSURE_TOP) return;
  const ids = input.candidateIds.slice(0, EXPOSURE_TOP - start);
  if (!ids.length) return;
  await em.insertMany(
    ExposureEntity,
    ids.map((candidateId) => ({ candidateId, organizationId: input.organizationId!, source: input.source, shownAt: input.at })),
  );
}
