import { Injectable } from '@nestjs/common';
import { PlainEntity } from '@alternance/platform/data-access';
import { ProgramEntity, ProgramRepository } from '@alternance/programs/data-access';
import { TaxonomyRepository } from '@alternance/taxonomy/data-access';
import { Skill } from '@alternance/taxonomy/graphql';
import { Program } from './program.model';

/** Entity to API type; the skills of competency blocks are looked up only when a query asks for them. */
@Injectable()
export class ProgramMapper {
  constructor(
    private readonly taxonomy: TaxonomyRepository,
    private readonly programs: ProgramRepository,
  ) {}

  /** The programs with these ids, in the order given; unknown ids are left out. */
  async byIds(ids: readonly string[]): Promise<Program[]> {
    const found = await this.programs.byIds([...ids]);
    return this.toPrograms(ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : [])));
  }

  toPrograms(entities: readonly PlainEntity<ProgramEntity>[]): Program[] {
    return entities.map((p) => ({
      id: p.id,
      code: p.code,
      title: p.title,
      country: p.country,
      rncpCode: p.rncpCode,
      level: p.level,
      romeCodes: p.romeCodes,
      durationMonths: p.durationMonths,
      trainingDaysPerWeek: p.trainingDaysPerWeek,
      trainingHours: p.trainingHours,
      poeEligible: p.poeEligible,
      openToApprenticeship: p.openToApprenticeship,
      competencyBlocks: p.competencyBlocks.map((b) => ({ code: b.code, title: b.title, skillCodes: b.skillCodes })),
    }));
  }

  /** The skills of competency blocks, by code, in one query for all the blocks of a request's level. */
  async skillsByCodes(codes: string[]): Promise<Map<string, Skill>> {
    const skills = await this.taxonomy.skillsByCodes(codes);
    return new Map([...skills].map(([code, s]) => [code, { code: s.code, label: s.label, kind: s.kind, category: s.category }]));
  }

}
