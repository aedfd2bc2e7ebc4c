import { loadCatalogue } from '../persistence/catalogue';
import { DEMO_DOMAIN, DEMO_PASSWORD, seedDemo } from '../seed/demo-seed';
import { seedMission } from '../seed/mission-seed';
import { runCli } from './cli-support';

runCli(async (orm, config) => {
  await loadCatalogue(orm.em.fork(), config.catalogueDir, console.log);
  // `npm run seed -- --mission`: the impact report's population (fixed seed), once.
  if (process.argv.includes('--mission')) {
    if (!(await seedMission(orm.em.fork(), console.log))) console.log('mission population already present');
    return;
  }
  const logins = await seedDemo(orm.em.fork(), config, console.log);
  if (!logins) {
    console.log(`demo data already present. Logins: recruiter@${DEMO_DOMAIN}, admin@${DEMO_DOMAIN}, employer1@${DEMO_DOMAIN}, candidate1@${DEMO_DOMAIN}; password ${DEMO_PASSWORD}`);
  }
});
