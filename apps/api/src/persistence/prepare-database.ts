import { MikroORM } from '@mikro-orm/core';
import { AppConfig } from '@alternance/platform/nest';
import { loadCatalogue } from './catalogue';
import { seedDemo } from '../seed/demo-seed';

/** Start-up work on the database, each step idempotent so a restart repeats nothing. */
export async function prepareDatabase(orm: MikroORM, config: AppConfig, log: (msg: string) => void): Promise<void> {
  if (config.migrateOnStart) {
    const applied = await orm.getMigrator().up();
    if (applied.length) log(`applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
  }
  await loadCatalogue(orm.em.fork(), config.catalogueDir, log);
  if (config.seedDemo) await seedDemo(orm.em.fork(), config, log);
}
