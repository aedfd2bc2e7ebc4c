import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { Country } from '@alternance/platform/domain';
import {
  buildRomeMatcher,
  CertificationRow,
  certificationFromKitRow,
  isPoeEligible,
  pathShapeForLevel,
  RomeLabel,
} from '@alternance/programs/domain';
import {
  insertInChunks,
  JobTitleEntity,
  MacroCompetence,
  OccupationEntity,
  OccupationSkillEntity,
  readMacroCompetences,
  SkillEntity,
} from '@alternance/taxonomy/data-access';
import { foldText, parseCsv, SkillKind } from '@alternance/taxonomy/domain';
import { announceCatalogueImport, recordCatalogueImport } from './catalogue-version';
import { CompetencyBlockData, ProgramEntity, programRomeCodesKey } from './program.entity';

/**
 * Builds the program catalogue from France compétences' "kit apprentissage": one program per
 * active RNCP certification open to apprenticeship, its ROME codes guessed from its title
 * against the job titles already in the taxonomy tables, and its competency blocks taken from
 * the know-how of its first occupation, grouped by ROME macro-competence.
 */

export const CERTIFICATIONS_DIR = 'certifications';
export const ROME_DIR = 'rome';
const KIT_FILE = /^kit_apprentissage_(.+)\.csv$/;

export const MAX_COMPETENCY_BLOCKS = 6;
export const MAX_SKILLS_PER_BLOCK = 8;

export interface ProgramData {
  id: string;
  code: string;
  title: string;
  searchTitle: string;
  country: Country;
  rncpCode: string | null;
  level: number | null;
  romeCodes: string[];
  /** Normally kept in step by the entity's hooks, which bulk inserts do not run. */
  romeCodesKey: string;
  durationMonths: number;
  trainingDaysPerWeek: number;
  trainingHours: number;
  poeEligible: boolean;
  openToApprenticeship: boolean;
  competencyBlocks: CompetencyBlockData[];
}

export interface ProgramImportCounts {
  programs: number;
  withRomeCodes: number;
  withCompetencyBlocks: number;
}

export interface ProgramImportOptions {
  /** Reload the catalogue; programs whose code is still there keep their id. */
  replace?: boolean;
}

/** Releases are dated in the file name (`kit_apprentissage_2025-01-31.csv`): ISO dates sort as text. */
export function newestKitFile(fileNames: readonly string[]): string | null {
  const kits = fileNames.filter((name) => KIT_FILE.test(name)).sort();
  return kits.length ? kits[kits.length - 1] : null;
}

/** The certification's key: several diploma codes often share one RNCP record. */
export function programCode(cert: CertificationRow): string {
  return cert.rncpCode ?? cert.diplomaCode;
}

/** Active certifications open to apprenticeship, one per RNCP record, in file order. */
export function selectCertifications(rows: Iterable<CertificationRow>): CertificationRow[] {
  const byCode = new Map<string, CertificationRow>();
  for (const cert of rows) {
    if (!cert.active || !cert.openToApprenticeship || !cert.title) continue;
    const code = programCode(cert);
    if (code && !byCode.has(code)) byCode.set(code, cert);
  }
  return [...byCode.values()];
}

/** An occupation's skill, as competency blocks need it. */
export interface OccupationSkillRef {
  skillCode: string;
  label: string;
  core: boolean;
}

/**
 * Groups an occupation's know-how by macro-competence: the groups holding most core skills
 * come first (they define the job), then the larger ones. Within a block core skills come
 * first. Skills with no known macro-competence cannot be titled and are left out.
 */
export function buildCompetencyBlocks(
  codePrefix: string,
  skills: readonly OccupationSkillRef[],
  macroOf: ReadonlyMap<string, MacroCompetence>,
  maxBlocks = MAX_COMPETENCY_BLOCKS,
  maxSkillsPerBlock = MAX_SKILLS_PER_BLOCK,
): CompetencyBlockData[] {
  const groups = new Map<string, { macro: MacroCompetence; skills: OccupationSkillRef[] }>();
  for (const skill of skills) {
    const macro = macroOf.get(skill.skillCode);
    if (!macro) continue;
    const group = groups.get(macro.code);
    if (group) group.skills.push(skill);
    else groups.set(macro.code, { macro, skills: [skill] });
  }
  const coreCount = (g: { skills: OccupationSkillRef[] }) => g.skills.filter((s) => s.core).length;
  return [...groups.values()]
    .sort(
      (a, b) =>
        coreCount(b) - coreCount(a) ||
        b.skills.length - a.skills.length ||
        a.macro.label.localeCompare(b.macro.label, 'fr'),
    )
    .slice(0, maxBlocks)
    .map((group, i) => ({
      code: `${codePrefix}-B${i + 1}`,
      title: group.macro.label,
      skillCodes: [...group.skills]
        .sort((a, b) => Number(b.core) - Number(a.core) || a.label.localeCompare(b.label, 'fr'))
        .slice(0, maxSkillsPerBlock)
        .map((s) => s.skillCode),
    }));
}

export function programFromCertification(
  cert: CertificationRow,
  romeCodes: string[],
  competencyBlocks: CompetencyBlockData[],
  id: string = randomUUID(),
): ProgramData {
  const shape = pathShapeForLevel(cert.level);
  return {
    id,
    code: programCode(cert),
    title: cert.title,
    searchTitle: foldText(cert.title),
    country: Country.FR,
    rncpCode: cert.rncpCode,
    level: cert.level,
    romeCodes,
    romeCodesKey: programRomeCodesKey(romeCodes),
    durationMonths: shape.durationMonths,
    trainingDaysPerWeek: shape.trainingDaysPerWeek,
    trainingHours: shape.trainingHours,
    poeEligible: isPoeEligible(shape.trainingHours),
    openToApprenticeship: cert.openToApprenticeship,
    competencyBlocks,
  };
}

/** Reads the newest kit in `dataDir/certifications`, mapped and filtered; no database involved. */
export async function readCertifications(dataDir: string): Promise<{ file: string; certifications: CertificationRow[] }> {
  const dir = path.join(dataDir, CERTIFICATIONS_DIR);
  const file = newestKitFile(await readdir(dir));
  if (!file) throw new Error(`no kit_apprentissage_*.csv in ${dir}`);
  const rows = parseCsv(await readFile(path.join(dir, file), 'utf8'));
  return { file, certifications: selectCertifications(mapRows(rows, certificationFromKitRow)) };
}

function* mapRows<T>(rows: Iterable<Record<string, string>>, map: (row: Record<string, string>) => T): Generator<T> {
  for (const row of rows) yield map(row);
}

/** Large reads go through the driver: plain rows, no entities in the identity map. */
async function readRows<T extends object>(em: EntityManager, entity: new () => T, where: object, fields: string[]) {
  return (await em.getDriver().find(entity.name, where as never, { fields: fields as never, ctx: em.getTransactionContext() })) as Partial<T>[];
}

/**
 * Imports the catalogue. Needs the taxonomy (job titles, occupations, skills) loaded first:
 * without it no program would get ROME codes or blocks. Idempotent like the taxonomy import.
 * Pass a forked EntityManager. An import that writes bumps the catalogue version (other
 * processes' in-memory catalogues reload on their next check) and, once committed, invalidates
 * this process's catalogues.
 */
export async function importPrograms(
  em: EntityManager,
  dataDir: string,
  log: (msg: string) => void = () => undefined,
  options: ProgramImportOptions = {},
): Promise<ProgramImportCounts> {
  if (!options.replace && (await em.count(ProgramEntity)) > 0) {
    const counts = await countPrograms(em);
    log(`programs already loaded, left as is: ${counts.programs}`);
    return counts;
  }
  if ((await em.count(OccupationEntity)) === 0) {
    throw new Error('the taxonomy is not loaded: import it before the programs');
  }

  let started = Date.now();
  const [{ file, certifications }, macroOf, occupations, jobTitles] = await Promise.all([
    readCertifications(dataDir),
    readMacroCompetences(path.join(dataDir, ROME_DIR)),
    readRows(em, OccupationEntity, {}, ['code', 'label']),
    readRows(em, JobTitleEntity, {}, ['code', 'label', 'romeCode']),
  ]);
  const labels: RomeLabel[] = [
    ...jobTitles.map((j) => ({ romeCode: j.romeCode!, label: j.label! })),
    ...occupations.map((o) => ({ romeCode: o.code!, label: o.label! })),
  ];
  const matcher = buildRomeMatcher(labels);
  const romeCodesByProgram = certifications.map((cert) => matcher.romeCodesFor(cert.title));
  log(`${certifications.length} certifications from ${file}, ROME codes matched in ${Date.now() - started} ms`);

  started = Date.now();
  const firstCodes = [...new Set(romeCodesByProgram.map((codes) => codes[0]).filter((c): c is string => !!c))];
  const skillsByOccupation = await knowHowByOccupation(em, firstCodes);
  const existingIds = options.replace ? await programIdsByCode(em) : new Map<string, string>();
  const programs = certifications.map((cert, i) => {
    const romeCodes = romeCodesByProgram[i];
    const skills = romeCodes.length ? (skillsByOccupation.get(romeCodes[0]) ?? []) : [];
    const blocks = buildCompetencyBlocks(programCode(cert), skills, macroOf);
    return programFromCertification(cert, romeCodes, blocks, existingIds.get(programCode(cert)));
  });
  log(`competency blocks built in ${Date.now() - started} ms`);

  started = Date.now();
  await em.transactional(async (tx) => {
    if (options.replace) await tx.nativeDelete(ProgramEntity, {});
    await insertInChunks(tx, ProgramEntity, programs, 500);
    // Commits with the rows: a process that sees the new version reads the new programs.
    await recordCatalogueImport(tx);
  });
  announceCatalogueImport();
  const counts = countsOf(programs);
  log(`programs loaded in ${Date.now() - started} ms: ${JSON.stringify(counts)}`);
  return counts;
}

/** The know-how skills of each occupation, with their labels and core flag. */
async function knowHowByOccupation(em: EntityManager, romeCodes: string[]): Promise<Map<string, OccupationSkillRef[]>> {
  const out = new Map<string, OccupationSkillRef[]>();
  if (romeCodes.length === 0) return out;
  const [links, skills] = await Promise.all([
    readRows(em, OccupationSkillEntity, { romeCode: { $in: romeCodes } }, ['romeCode', 'skillCode', 'core']),
    readRows(em, SkillEntity, { kind: SkillKind.KNOW_HOW }, ['code', 'label']),
  ]);
  const labelOf = new Map(skills.map((s) => [s.code!, s.label!]));
  for (const link of links) {
    const label = labelOf.get(link.skillCode!);
    if (label === undefined) continue;
    const list = out.get(link.romeCode!) ?? [];
    // SQLite hands booleans back as 0/1 through the driver
    list.push({ skillCode: link.skillCode!, label, core: Boolean(link.core) });
    out.set(link.romeCode!, list);
  }
  return out;
}

async function programIdsByCode(em: EntityManager): Promise<Map<string, string>> {
  const rows = await readRows(em, ProgramEntity, {}, ['id', 'code']);
  return new Map(rows.map((r) => [r.code!, r.id!]));
}

function countsOf(programs: Pick<ProgramData, 'romeCodes' | 'competencyBlocks'>[]): ProgramImportCounts {
  return {
    programs: programs.length,
    withRomeCodes: programs.filter((p) => p.romeCodes.length > 0).length,
    withCompetencyBlocks: programs.filter((p) => p.competencyBlocks.length > 0).length,
  };
}

async function countPrograms(em: EntityManager): Promise<ProgramImportCounts> {
  const rows = await readRows(em, ProgramEntity, {}, ['romeCodesKey', 'competencyBlocks']);
  return {
    programs: rows.length,
    withRomeCodes: rows.filter((p) => p.romeCodesKey !== programRomeCodesKey([])).length,
    withCompetencyBlocks: rows.filter((p) => jsonArray(p.competencyBlocks).length > 0).length,
  };
}

/** Plain driver reads leave JSON as SQLite stores it (text); PostgreSQL parses jsonb. */
function jsonArray(value: unknown): unknown[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed : [];
}
