import { SkillKind, SuggestionEntry, SuggestionIndex, SuggestionIndexOptions } from '@alternance/taxonomy/domain';

/** What an autocomplete suggestion names, in the order that breaks ties between kinds. */
export enum SuggestionKind {
  JOB_TITLE = 'JOB_TITLE',
  OCCUPATION = 'OCCUPATION',
  COMMUNE = 'COMMUNE',
  PROGRAM = 'PROGRAM',
  SKILL = 'SKILL',
}

export const SUGGESTION_KINDS: readonly SuggestionKind[] = [
  SuggestionKind.JOB_TITLE,
  SuggestionKind.OCCUPATION,
  SuggestionKind.COMMUNE,
  SuggestionKind.PROGRAM,
  SuggestionKind.SKILL,
];

/** One suggestion as the API serves it: the fields of the other kinds are null. */
export interface CatalogueSuggestion {
  kind: SuggestionKind;
  label: string;
  value: string;
  romeCode: string | null;
  skillKind: SkillKind | null;
  name: string | null;
  postcode: string | null;
  inseeCode: string | null;
  lat: number | null;
  lng: number | null;
  level: number | null;
  rncpCode: string | null;
}

/** The catalogue rows suggestions are made of, as the tables hold them. */
export interface SuggestionCatalogueRows {
  jobTitles: readonly { code: string; label: string; romeCode: string }[];
  occupations: readonly { code: string; label: string }[];
  skills: readonly { code: string; label: string; kind: SkillKind | null }[];
  communes: readonly { inseeCode: string; name: string; postcode: string; lat: number | null; lng: number | null }[];
  programs: readonly { id: string; title: string; level: number | null; rncpCode: string | null }[];
}

export type CatalogueSuggestionIndex = SuggestionIndex<SuggestionKind, CatalogueSuggestion>;

/**
 * La Poste abbreviates Saint and Sainte in commune names ("ST ETIENNE"): people type them in
 * full. Other abbreviations of the file ("GD", "CHAU") are too rare to be worth a rule.
 */
export const COMMUNE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['st', 'saint'],
  ['ste', 'sainte'],
]);

/** Every suggestion has every field (one object shape for 85,000 of them); those of other kinds are null. */
function suggestion(kind: SuggestionKind, label: string, value: string, fields: Partial<CatalogueSuggestion>): CatalogueSuggestion {
  return {
    kind,
    label,
    value,
    romeCode: fields.romeCode ?? null,
    skillKind: fields.skillKind ?? null,
    name: fields.name ?? null,
    postcode: fields.postcode ?? null,
    inseeCode: fields.inseeCode ?? null,
    lat: fields.lat ?? null,
    lng: fields.lng ?? null,
    level: fields.level ?? null,
    rncpCode: fields.rncpCode ?? null,
  };
}

/**
 * Every suggestion of the catalogue. Communes: one per commune and postcode, labelled with the
 * postcode because several share a name, found by their postcode too; among names of one length,
 * communes with more postcodes come first, the only sign of size the La Poste file gives (Paris,
 * Lyon and Marseille list one INSEE code per arrondissement, each with its own name). Occupations
 * are also found by their ROME code, training paths by their RNCP record.
 */
export function catalogueSuggestionEntries(rows: SuggestionCatalogueRows): SuggestionEntry<SuggestionKind, CatalogueSuggestion>[] {
  const entries: SuggestionEntry<SuggestionKind, CatalogueSuggestion>[] = [];
  for (const j of rows.jobTitles) {
    const item = suggestion(SuggestionKind.JOB_TITLE, j.label, j.code, { romeCode: j.romeCode });
    entries.push({ kind: SuggestionKind.JOB_TITLE, text: j.label, key: j.code, item });
  }
  for (const o of rows.occupations) {
    const item = suggestion(SuggestionKind.OCCUPATION, o.label, o.code, { romeCode: o.code });
    entries.push({ kind: SuggestionKind.OCCUPATION, text: o.label, extra: [o.code], key: o.code, item });
  }
  for (const s of rows.skills) {
    const item = suggestion(SuggestionKind.SKILL, s.label, s.code, { skillKind: s.kind });
    entries.push({ kind: SuggestionKind.SKILL, text: s.label, key: s.code, item });
  }
  const postcodes = new Map<string, number>();
  for (const c of rows.communes) postcodes.set(c.inseeCode, (postcodes.get(c.inseeCode) ?? 0) + 1);
  for (const c of rows.communes) {
    const item = suggestion(SuggestionKind.COMMUNE, `${c.name} (${c.postcode})`, c.inseeCode, {
      name: c.name,
      postcode: c.postcode,
      inseeCode: c.inseeCode,
      lat: c.lat,
      lng: c.lng,
    });
    entries.push({ kind: SuggestionKind.COMMUNE, text: c.name, extra: [c.postcode], weight: postcodes.get(c.inseeCode), key: `${c.inseeCode}|${c.postcode}`, item });
  }
  for (const p of rows.programs) {
    const item = suggestion(SuggestionKind.PROGRAM, p.title, p.id, { level: p.level, rncpCode: p.rncpCode });
    entries.push({ kind: SuggestionKind.PROGRAM, text: p.title, extra: p.rncpCode ? [p.rncpCode] : [], key: p.id, item });
  }
  return entries;
}

export const CATALOGUE_SUGGESTION_OPTIONS: SuggestionIndexOptions<SuggestionKind> = {
  kinds: SUGGESTION_KINDS,
  aliases: { [SuggestionKind.COMMUNE]: COMMUNE_ALIASES },
};

export function buildCatalogueSuggestionIndex(rows: SuggestionCatalogueRows): CatalogueSuggestionIndex {
  return SuggestionIndex.build(catalogueSuggestionEntries(rows), CATALOGUE_SUGGESTION_OPTIONS);
}

/** The same index, built in slices that leave the event loop free between them (for a server). */
export function buildCatalogueSuggestionIndexInSlices(rows: SuggestionCatalogueRows): Promise<CatalogueSuggestionIndex> {
  return SuggestionIndex.buildInSlices(catalogueSuggestionEntries(rows), CATALOGUE_SUGGESTION_OPTIONS);
}
