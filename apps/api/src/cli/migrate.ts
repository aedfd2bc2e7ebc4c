import { runCli } from './cli-support';

// Applying is done by runCli itself; this reports where the database stands.
runCli(async (orm, config) => {
  const executed = await orm.getMigrator().getExecutedMigrations();
  console.log(`${config.database.driver}: ${executed.length} migration(s) applied, schema up to date.`);
});
