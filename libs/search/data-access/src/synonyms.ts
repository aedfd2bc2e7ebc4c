import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface SynonymEntry {
  mappingType: string;
  synonyms: string[];
}

/**
 * Synonym groups from the catalogue's search/synonyms.json (diploma and job abbreviations,
 * as published by La bonne alternance). A missing file means no synonyms, not a failed start.
 */
export function loadSynonyms(catalogueDir: string): string[][] {
  const file = path.join(catalogueDir, 'search', 'synonyms.json');
  if (!existsSync(file)) return [];
  const entries = JSON.parse(readFileSync(file, 'utf8')) as SynonymEntry[];
  return entries
    .filter((e) => e.mappingType === 'equivalent' && Array.isArray(e.synonyms))
    .map((e) => [...new Set(e.synonyms.map((s) => s.trim()).filter(Boolean))])
    .filter((group) => group.length > 1);
}
