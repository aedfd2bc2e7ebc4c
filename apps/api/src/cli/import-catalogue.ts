import { loadCatalogue } from '../persistence/catalogue';
import { runCli } from './cli-support';

runCli(async (orm, config) => {
  const loaded = await loadCatalogue(orm.em.fork(), config.catalogueDir, console.log);
  if (!loaded) process.exitCode = 1;
});
