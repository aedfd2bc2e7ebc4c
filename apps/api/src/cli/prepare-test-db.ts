import 'reflect-metadata';
import { copyFileSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/core';
import { DatabaseConfig, loadConfig } from '@alternance/platform/nest';
import { ormOptions } from '../persistence/orm-config';
import { loadCatalogue } from '../persistence/catalogue';
import { resetDatabase } from '../persistence/scratch';

/**
 * Builds the database the integration and end-to-end tests start from: migrated, with the
 * whole public catalogue loaded. SQLite tests copy the file; PostgreSQL tests share it and
 * empty the tables they write to.
 */
async function main(): Promise<void> {
  const [driver, target] = process.argv.slice(2);
  const db: DatabaseConfig = driver === 'postgresql' ? { driver, url: target } : { driver: 'sqlite', file: `${target}.building` };
  await resetDatabase(db);
  const orm = await MikroORM.init(ormOptions(db));
  try {
    await orm.getMigrator().up();
    const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
    await loadCatalogue(orm.em.fork(), config.catalogueDir, (msg) => console.log(`  ${msg}`));
  } finally {
    await orm.close(true);
  }
  if (db.driver === 'sqlite') copyFileSync(db.file, target);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
