import path from 'node:path';
import { AppConfig, ConfigError } from '@alternance/platform/nest';

/**
 * What a worker process runs, decided from the shared configuration:
 * - `shared`: the outbox relay toward Meilisearch, under the database lease (one applier among
 *   every worker and API, the others on standby);
 * - `own-index`: with the embedded engine every process keeps its own in-process index, which
 *   only it can feed, so a worker cannot relay for the API processes. It keeps a private copy
 *   (in `DATA_DIR/search-worker`) for the saved-search alerts, and runs the jobs only;
 * - `off`: RELAY_IN_PROCESS=false on the worker (Meilisearch): another process relays.
 */
export interface WorkerPlan {
  relay: 'shared' | 'own-index' | 'off';
  jobs: boolean;
  /** The configuration the worker's modules get. */
  config: AppConfig;
  notes: string[];
}

export function planWorker(config: AppConfig): WorkerPlan {
  const jobs = config.jobsIntervalSeconds > 0;
  if (config.search.engine === 'embedded') {
    if (!jobs) {
      throw new ConfigError(
        'JOBS_INTERVAL_SECONDS',
        'the worker has nothing to run: with the embedded search engine it runs the scheduled jobs only (each API process feeds its own index); set a positive interval, or MEILI_URL to relay toward Meilisearch',
      );
    }
    return {
      relay: 'own-index',
      jobs,
      config: { ...config, search: { engine: 'embedded', dir: path.join(config.dataDir, 'search-worker') }, seedDemo: false, migrateOnStart: false },
      notes: ['embedded search engine: each API process feeds its own index, so this worker runs the jobs only (set MEILI_URL to relay toward Meilisearch from here)'],
    };
  }
  const relay = config.relayInProcess ? 'shared' : 'off';
  if (relay === 'off' && !jobs) {
    throw new ConfigError('RELAY_IN_PROCESS', 'the worker has nothing to run: the relay is off and JOBS_INTERVAL_SECONDS is 0');
  }
  return { relay, jobs, config: { ...config, seedDemo: false, migrateOnStart: false }, notes: [] };
}
