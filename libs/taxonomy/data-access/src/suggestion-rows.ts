import type { EntityManager } from '@mikro-orm/core';
import { findPlain } from '@alternance/platform/data-access';
import { SkillKind } from '@alternance/taxonomy/domain';
import { CommuneEntity, JobTitleEntity, OccupationEntity, SkillEntity } from './taxonomy.entities';

export interface TaxonomySuggestionRows {
  jobTitles: { code: string; label: string; romeCode: string }[];
  occupations: { code: string; label: string }[];
  skills: { code: string; label: string; kind: SkillKind | null }[];
  communes: { inseeCode: string; name: string; postcode: string; lat: number | null; lng: number | null }[];
}

/**
 * The taxonomy rows autocomplete offers, read once per index build (about 85,000 rows) without
 * the unit of work. The order does not matter: the index ranks them itself.
 */
export async function readTaxonomySuggestionRows(em: EntityManager): Promise<TaxonomySuggestionRows> {
  const [jobTitles, occupations, skills, communes] = await Promise.all([
    findPlain(em, JobTitleEntity, {}),
    findPlain(em, OccupationEntity, {}),
    findPlain(em, SkillEntity, {}),
    findPlain(em, CommuneEntity, {}),
  ]);
  return {
    jobTitles: jobTitles.map((j) => ({ code: j.code, label: j.label, romeCode: j.romeCode })),
    occupations: occupations.map((o) => ({ code: o.code, label: o.label })),
    skills: skills.map((s) => ({ code: s.code, label: s.label, kind: s.kind ?? null })),
    communes: communes.map((c) => ({ inseeCode: c.inseeCode, name: c.name, postcode: c.postcode, lat: c.lat ?? null, lng: c.lng ?? null })),
  };
}
