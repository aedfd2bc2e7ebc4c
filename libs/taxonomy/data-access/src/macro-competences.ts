import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCsv } from '@alternance/taxonomy/domain';

/**
 * ROME 4.0 groups its know-how items under macro-competences ("Gérer une caisse",
 * "Découper, tailler des matières premières"): `referentiel_competence.csv` gives each item's
 * `code_ogr_macro_comp`, `item.csv` the macro-competence's label. The skills table does not
 * keep that grouping, so whoever needs it (competency blocks of programs) reads it here.
 */
export interface MacroCompetence {
  code: string;
  label: string;
}

/**
 * Skill code → its macro-competence. Occupations also link macro-competences directly, as
 * skills of their own (nature "Macro-compétence", no parent): those map to themselves.
 */
export function macroCompetencesFromRows(
  competenceRows: Iterable<Record<string, string>>,
  itemRows: Iterable<Record<string, string>>,
): Map<string, MacroCompetence> {
  const labels = new Map<string, string>();
  for (const item of itemRows) {
    const code = (item['code_ogr'] ?? '').trim();
    const label = (item['libelle'] ?? '').trim();
    if (code && label) labels.set(code, label);
  }
  const parentOf = new Map<string, string>();
  for (const row of competenceRows) {
    const code = (row['code_ogr'] ?? '').trim();
    if (!code) continue;
    const parent = (row['code_ogr_macro_comp'] ?? '').trim();
    if (parent) parentOf.set(code, parent);
    else {
      parentOf.set(code, code);
      // the item file normally has every label; the macro's own row is the fallback
      if (!labels.has(code) && row['libelle_competence']?.trim()) labels.set(code, row['libelle_competence'].trim());
    }
  }
  const out = new Map<string, MacroCompetence>();
  for (const [code, parent] of parentOf) {
    const label = labels.get(parent);
    if (label) out.set(code, { code: parent, label });
  }
  return out;
}

/** Reads the mapping from a ROME folder as published (`referentiel_competence.csv`, `item.csv`). */
export async function readMacroCompetences(romeDir: string): Promise<Map<string, MacroCompetence>> {
  const [competences, items] = await Promise.all([
    readFile(path.join(romeDir, 'referentiel_competence.csv'), 'utf8'),
    readFile(path.join(romeDir, 'item.csv'), 'utf8'),
  ]);
  return macroCompetencesFromRows(parseCsv(competences), parseCsv(items));
}
