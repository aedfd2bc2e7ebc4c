import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityClass, EntityManager, RequiredEntityData } from '@mikro-orm/core';
import { communeDisplayName, foldText, parseCsv, parseGpsPair, ROME_CODE, SkillKind } from '@alternance/taxonomy/domain';
import {
  CommuneEntity,
  JobTitleEntity,
  OccupationEntity,
  OccupationMobilityEntity,
  OccupationSkillEntity,
  SkillEntity,
} from './taxonomy.entities';

/**
 * Loads the published ROME 4.0 referential and La Poste's postcode base into the taxonomy
 * tables. Files are parsed as published (see the data folder's README), so a newer release of
 * the same files loads the same way; the row → data mappings are pure and exported for tests.
 */

export const ROME_FILES = {
  occupations: 'rome/referentiel_code_rome.csv',
  jobTitles: 'rome/referentiel_appellation.csv',
  competences: 'rome/referentiel_competence.csv',
  knowledge: 'rome/referentiel_savoir.csv',
  links: 'rome/liens_rome_referentiels.csv',
  coherence: 'rome/coherence_item.csv',
  mobilities: 'rome/rubrique_mobilite.csv',
} as const;

export const COMMUNES_FILE = 'communes/laposte_hexasmal.csv';

export interface OccupationData {
  code: string;
  label: string;
  searchLabel: string;
  parentCode: string | null;
}

export interface JobTitleData {
  code: string;
  label: string;
  searchLabel: string;
  romeCode: string;
}

export interface SkillData {
  code: string;
  label: string;
  searchLabel: string;
  kind: SkillKind;
  category: string | null;
}

export interface OccupationSkillData {
  romeCode: string;
  skillCode: string;
  block: number | null;
  core: boolean;
}

export interface OccupationMobilityData {
  romeCode: string;
  targetCode: string;
  rank: number;
}

export interface CommuneData {
  inseeCode: string;
  name: string;
  postcode: string;
  lat: number | null;
  lng: number | null;
}

export interface TaxonomyData {
  occupations: OccupationData[];
  jobTitles: JobTitleData[];
  skills: SkillData[];
  occupationSkills: OccupationSkillData[];
  occupationMobilities: OccupationMobilityData[];
  communes: CommuneData[];
}

export type TaxonomyImportCounts = { [K in keyof TaxonomyData]: number };

export interface TaxonomyImportOptions {
  /** Wipe the taxonomy tables and load them again, instead of leaving loaded tables alone. */
  replace?: boolean;
}

function cell(row: Record<string, string>, column: string): string {
  return (row[column] ?? '').trim();
}

export function occupationFromRow(row: Record<string, string>): OccupationData | null {
  const code = cell(row, 'code_rome');
  const label = cell(row, 'libelle_rome');
  if (!ROME_CODE.test(code) || !label) return null;
  const parent = cell(row, 'code_rome_parent');
  // A third of the occupations name themselves as parent: that means "no parent".
  return { code, label, searchLabel: foldText(label), parentCode: ROME_CODE.test(parent) && parent !== code ? parent : null };
}

export function jobTitleFromRow(row: Record<string, string>): JobTitleData | null {
  const code = cell(row, 'code_ogr');
  const label = cell(row, 'libelle_appellation_long') || cell(row, 'libelle_appellation_court');
  const romeCode = cell(row, 'code_rome');
  if (!code || !label || !ROME_CODE.test(romeCode)) return null;
  return { code, label, searchLabel: foldText(label), romeCode };
}

/** `cat_comp` as published: "Savoir-faire" or "Savoir-être professionnel". */
export function skillKindFromCategory(category: string): SkillKind | null {
  const folded = foldText(category.trim());
  if (folded.startsWith('savoir-faire')) return SkillKind.KNOW_HOW;
  if (folded.startsWith('savoir-etre')) return SkillKind.SOFT_SKILL;
  return null;
}

/** A know-how or soft-skill item of `referentiel_competence.csv`, macro-competences included. */
export function skillFromCompetenceRow(row: Record<string, string>): SkillData | null {
  const code = cell(row, 'code_ogr');
  const label = cell(row, 'libelle_competence');
  const kind = skillKindFromCategory(cell(row, 'cat_comp'));
  if (!code || !label || !kind) return null;
  return { code, label, searchLabel: foldText(label), kind, category: cell(row, 'sous_cat_comp') || null };
}

/** A knowledge item of `referentiel_savoir.csv`. */
export function skillFromKnowledgeRow(row: Record<string, string>): SkillData | null {
  const code = cell(row, 'code_ogr_savoir');
  const label = cell(row, 'libelle_savoir');
  if (!code || !label) return null;
  return {
    code,
    label,
    searchLabel: foldText(label),
    kind: SkillKind.KNOWLEDGE,
    category: cell(row, 'categorie_savoir') || null,
  };
}

/** `coherence_item.coeur_metier` is "Principale" or "Émergente" for core items, empty otherwise. */
export function coreSkillKeys(coherenceRows: Iterable<Record<string, string>>): Set<string> {
  const keys = new Set<string>();
  for (const row of coherenceRows) {
    if (cell(row, 'coeur_metier')) keys.add(`${cell(row, 'code_rome')}|${cell(row, 'code_ogr')}`);
  }
  return keys;
}

function parseIntOrNull(raw: string): number | null {
  if (!/^-?\d+$/.test(raw)) return null;
  return Number(raw);
}

/**
 * `liens_rome_referentiels.csv` links an occupation to everything on its sheet: its own
 * item, its job titles, skills and work contexts. Only the links to known skills are
 * occupation skills; the file has each pair once, but a newer release may not.
 */
export function occupationSkillsFromLinks(
  linkRows: Iterable<Record<string, string>>,
  coreKeys: ReadonlySet<string>,
  skillCodes: ReadonlySet<string>,
  occupationCodes: ReadonlySet<string>,
): OccupationSkillData[] {
  const seen = new Set<string>();
  const out: OccupationSkillData[] = [];
  for (const row of linkRows) {
    const romeCode = cell(row, 'code_rome');
    const skillCode = cell(row, 'code_ogr');
    if (!skillCodes.has(skillCode) || !occupationCodes.has(romeCode)) continue;
    const key = `${romeCode}|${skillCode}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ romeCode, skillCode, block: parseIntOrNull(cell(row, 'code_compo_bloc')), core: coreKeys.has(key) });
  }
  return out;
}

/** Neighbouring occupations; a pair listed twice keeps its closest rank. */
export function mobilitiesFromRows(
  rows: Iterable<Record<string, string>>,
  occupationCodes: ReadonlySet<string>,
): OccupationMobilityData[] {
  const byPair = new Map<string, OccupationMobilityData>();
  for (const row of rows) {
    const romeCode = cell(row, 'code_rome');
    const targetCode = cell(row, 'code_rome_cible');
    const rank = parseIntOrNull(cell(row, 'numero_ordre'));
    if (rank === null || romeCode === targetCode) continue;
    if (!occupationCodes.has(romeCode) || !occupationCodes.has(targetCode)) continue;
    const key = `${romeCode}|${targetCode}`;
    const existing = byPair.get(key);
    if (!existing || rank < existing.rank) byPair.set(key, { romeCode, targetCode, rank });
  }
  return [...byPair.values()];
}

export function communeFromRow(row: Record<string, string>): CommuneData | null {
  const inseeCode = cell(row, 'Code_commune_INSEE');
  const postcode = cell(row, 'Code_postal');
  const name = cell(row, 'Nom_commune');
  // Corsican INSEE codes hold letters (2A004), postcodes never do.
  if (!/^[0-9][0-9AB]\d{3}$/.test(inseeCode) || !/^\d{5}$/.test(postcode) || !name) return null;
  const gps = parseGpsPair(cell(row, 'coordonnees_gps'));
  return { inseeCode, name: communeDisplayName(name), postcode, lat: gps?.lat ?? null, lng: gps?.lng ?? null };
}

/**
 * La Poste lists a commune once per delivery locality (`Ligne_5`): one row per (commune,
 * postcode) is enough for search. When the first row has no coordinates, a later one may.
 */
export function communesFromRows(rows: Iterable<Record<string, string>>): CommuneData[] {
  const byKey = new Map<string, CommuneData>();
  for (const row of rows) {
    const commune = communeFromRow(row);
    if (!commune) continue;
    const key = `${commune.inseeCode}|${commune.postcode}`;
    const existing = byKey.get(key);
    if (!existing) byKey.set(key, commune);
    else if (existing.lat === null && commune.lat !== null) {
      existing.lat = commune.lat;
      existing.lng = commune.lng;
    }
  }
  return [...byKey.values()];
}

function collect<T>(rows: Iterable<Record<string, string>>, map: (row: Record<string, string>) => T | null): T[] {
  const out: T[] = [];
  for (const row of rows) {
    const value = map(row);
    if (value !== null) out.push(value);
  }
  return out;
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

async function readCsv(dataDir: string, file: string, separator = ','): Promise<Generator<Record<string, string>>> {
  return parseCsv(await readFile(path.join(dataDir, file), 'utf8'), separator);
}

/** Every table's rows, read and mapped from the data folder; no database involved. */
export async function readTaxonomyFiles(dataDir: string): Promise<TaxonomyData> {
  const occupations = uniqueBy(collect(await readCsv(dataDir, ROME_FILES.occupations), occupationFromRow), (o) => o.code);
  const occupationCodes = new Set(occupations.map((o) => o.code));
  const jobTitles = uniqueBy(collect(await readCsv(dataDir, ROME_FILES.jobTitles), jobTitleFromRow), (j) => j.code).filter(
    (j) => occupationCodes.has(j.romeCode),
  );
  const skills = uniqueBy(
    [
      ...collect(await readCsv(dataDir, ROME_FILES.competences), skillFromCompetenceRow),
      ...collect(await readCsv(dataDir, ROME_FILES.knowledge), skillFromKnowledgeRow),
    ],
    (s) => s.code,
  );
  const occupationSkills = occupationSkillsFromLinks(
    await readCsv(dataDir, ROME_FILES.links),
    coreSkillKeys(await readCsv(dataDir, ROME_FILES.coherence)),
    new Set(skills.map((s) => s.code)),
    occupationCodes,
  );
  const occupationMobilities = mobilitiesFromRows(await readCsv(dataDir, ROME_FILES.mobilities), occupationCodes);
  const communes = communesFromRows(await readCsv(dataDir, COMMUNES_FILE, ';'));
  return { occupations, jobTitles, skills, occupationSkills, occupationMobilities, communes };
}

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits (6 columns × 1000). */
export const INSERT_CHUNK_SIZE = 1000;

/** Multi-row INSERTs straight to the driver: no entity instances, no unit of work. */
export async function insertInChunks<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  rows: readonly RequiredEntityData<T>[],
  chunkSize = INSERT_CHUNK_SIZE,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) {
    await em.insertMany(entity, rows.slice(i, i + chunkSize));
  }
}

const TABLES = {
  occupations: OccupationEntity,
  jobTitles: JobTitleEntity,
  skills: SkillEntity,
  occupationSkills: OccupationSkillEntity,
  occupationMobilities: OccupationMobilityEntity,
  communes: CommuneEntity,
} as const;

export async function countTaxonomy(em: EntityManager): Promise<TaxonomyImportCounts> {
  const counts = {} as TaxonomyImportCounts;
  for (const [key, entity] of Object.entries(TABLES) as [keyof TaxonomyData, EntityClass<object>][]) {
    counts[key] = await em.count(entity);
  }
  return counts;
}

/**
 * Loads the taxonomy from `dataDir` (the folder holding `rome/` and `communes/`) in one
 * transaction. Idempotent: when occupations are already loaded it changes nothing and
 * returns what is there, unless `replace` asks to wipe and reload the taxonomy tables.
 * Pass a forked EntityManager (request or script context).
 */
export async function importTaxonomy(
  em: EntityManager,
  dataDir: string,
  log: (msg: string) => void = () => undefined,
  options: TaxonomyImportOptions = {},
): Promise<TaxonomyImportCounts> {
  if (!options.replace && (await em.count(OccupationEntity)) > 0) {
    const counts = await countTaxonomy(em);
    log(`taxonomy already loaded, left as is: ${formatCounts(counts)}`);
    return counts;
  }

  let started = Date.now();
  const data = await readTaxonomyFiles(dataDir);
  log(`taxonomy files read in ${Date.now() - started} ms`);

  started = Date.now();
  await em.transactional(async (tx) => {
    if (options.replace) {
      for (const entity of Object.values(TABLES)) await tx.nativeDelete(entity as EntityClass<object>, {});
    }
    await insertInChunks(tx, OccupationEntity, data.occupations);
    await insertInChunks(tx, JobTitleEntity, data.jobTitles);
    await insertInChunks(tx, SkillEntity, data.skills);
    await insertInChunks(tx, OccupationSkillEntity, data.occupationSkills);
    await insertInChunks(tx, OccupationMobilityEntity, data.occupationMobilities);
    await insertInChunks(tx, CommuneEntity, data.communes);
  });
  const counts = Object.fromEntries(Object.entries(data).map(([key, rows]) => [key, rows.length])) as TaxonomyImportCounts;
  log(`taxonomy loaded in ${Date.now() - started} ms: ${formatCounts(counts)}`);
  return counts;
}

function formatCounts(counts: TaxonomyImportCounts): string {
  return Object.entries(counts)
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');
}
