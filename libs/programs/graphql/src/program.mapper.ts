import { Injectable } from '@nestjs/common';
import { ProgramEntity, ProgramRepository } from '@alternance/programs/data-access';
import { Program } from './program.model';
import { TaxonomyRepository } from '@alternance/taxonomy/data-access';

/** Entity to API type; competency block skills get their labels in one query per batch. */
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

  async toPrograms(entities: ProgramEntity[]): Promise<Program[]> {
    const codes = entities.flatMap((p) => p.competencyBlocks.flatMap((b) => b.skillCodes));
    const skills = await this.taxonomy.skillsByCodes(codes);
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
      competencyBlocks: p.competencyBlocks.map((b) => ({
        code: b.code,
        title: b.title,
        skills: b.skillCodes.flatMap((code) => {
          const s = skills.get(code);
          return s ? [{ code: s.code, label: s.label, kind: s.kind, category: s.category }] : [];
        }),
      })),
    }));
  }
}
