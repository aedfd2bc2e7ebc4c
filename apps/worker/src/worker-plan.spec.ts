import path from 'node:path';
import { loadConfig } from '@alternance/platform/nest';
import { planWorker } from './worker-plan';

const base = { NODE_ENV: 'test', DATA_DIR: '/srv/data', JOBS_INTERVAL_SECONDS: '60' };
const meili = { ...base, MEILI_URL: 'http://meili:7700', DATABASE_URL: 'postgres://app@db:5432/alternance' };

describe('planWorker', () => {
  it('relays toward Meilisearch (under the lease) and runs the jobs', () => {
    const plan = planWorker(loadConfig(meili));
    expect(plan).toMatchObject({ relay: 'shared', jobs: true, notes: [] });
    expect(plan.config.migrateOnStart).toBe(false);
  });

  it('with the embedded engine, runs the jobs only, over its own copy of the index', () => {
    const plan = planWorker(loadConfig(base));
    expect(plan.relay).toBe('own-index');
    expect(plan.jobs).toBe(true);
    expect(plan.config.search).toEqual({ engine: 'embedded', dir: path.join('/srv/data', 'search-worker') });
    expect(plan.notes).toEqual([expect.stringMatching(/each API process feeds its own index.*MEILI_URL/)]);
  });

  it('runs the relay alone when JOBS_INTERVAL_SECONDS=0, the jobs alone when RELAY_IN_PROCESS=false', () => {
    expect(planWorker(loadConfig({ ...meili, JOBS_INTERVAL_SECONDS: '0' }))).toMatchObject({ relay: 'shared', jobs: false });
    expect(planWorker(loadConfig({ ...meili, RELAY_IN_PROCESS: 'false' }))).toMatchObject({ relay: 'off', jobs: true });
  });

  it.each([
    [{ ...base, JOBS_INTERVAL_SECONDS: '0' }, 'JOBS_INTERVAL_SECONDS'],
    [{ ...meili, JOBS_INTERVAL_SECONDS: '0', RELAY_IN_PROCESS: 'false' }, 'RELAY_IN_PROCESS'],
  ])('refuses to start with nothing to run: %j', (env, variable) => {
    expect(() => planWorker(loadConfig(env))).toThrow(new RegExp(`^Configuration error in ${variable}: the worker has nothing to run`));
  });
});

describe('loadConfig: worker and relay settings', () => {
  it('keeps the relay in the API by default, and the worker probes on port 3001', () => {
    expect(loadConfig(base)).toMatchObject({ relayInProcess: true, workerPort: 3001 });
    expect(loadConfig({ ...meili, RELAY_IN_PROCESS: 'false', WORKER_PORT: '8081' })).toMatchObject({ relayInProcess: false, workerPort: 8081 });
  });

  it.each([
    [{ RELAY_IN_PROCESS: 'false' }, 'RELAY_IN_PROCESS', /false needs MEILI_URL/],
    [{ RELAY_IN_PROCESS: 'maybe' }, 'RELAY_IN_PROCESS', /expected true or false/],
    [{ WORKER_PORT: '70000' }, 'WORKER_PORT', /expected a whole number/],
  ])('fails at start-up naming the variable: %j', (env, variable, problem) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(new RegExp(`^Configuration error in ${variable}: ${problem.source}`));
  });
});
