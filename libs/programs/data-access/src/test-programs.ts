import { Country } from '@alternance/platform/domain';
import { foldText } from '@alternance/taxonomy/domain';
import { CatalogueProgram } from './program-snapshot';
import { programRomeCodesKey } from './program.entity';

/** A catalogue program for the unit tests: the `n`th (its id and codes follow from it), with `fields` changed. */
export function testProgram(n: number, title: string, fields: Partial<CatalogueProgram> = {}): CatalogueProgram {
  const romeCodes = fields.romeCodes ?? [];
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    code: `RNCP${n}`,
    title,
    searchTitle: foldText(title),
    country: Country.FR,
    rncpCode: `RNCP${n}`,
    level: 5,
    romeCodes,
    romeCodesKey: programRomeCodesKey(romeCodes),
    durationMonths: 12,
    trainingDaysPerWeek: 1,
    trainingHours: 500,
    poeEligible: true,
    openToApprenticeship: true,
    competencyBlocks: [],
    ...fields,
  };
}
