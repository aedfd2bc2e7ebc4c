import { existsSync } from 'node:fs';
import path from 'node:path';
import { EntityManager } from '@mikro-orm/core';
import { importPrograms } from '@alternance/programs/data-access';
import { importTaxonomy } from '@alternance/taxonomy/data-access';

/**
 * Loads the public reference data (ROME, communes, certifications) when the tables are
 * empty. Without the data folder the API still starts, with empty pickers and a warning.
 */
export async function loadCatalogue(em: EntityManager, dir: string, log: (msg: string) => void): Promise<boolean> {
  if (!existsSync(path.join(dir, 'rome'))) {
    log(`catalogue folder ${dir} not found: occupations, skills, communes and programs stay empty (set CATALOGUE_DIR)`);
    return false;
  }
  await importTaxonomy(em, dir, log);
  await importPrograms(em, dir, log);
  return true;
}
