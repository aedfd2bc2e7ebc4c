import 'reflect-metadata';
import { ConfigError, createAppLogger, exitOnStopSignals, loadConfig } from '@alternance/platform/nest';
import { startWorker } from './worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createAppLogger(config.logLevel);
  const worker = await startWorker(config);
  logger?.log({ event: 'listening', health: `${worker.url}/health/ready`, database: config.database.driver, search: config.search.engine }, 'lifecycle');

  // A second signal gives up waiting for the batch or job in progress (its lease is released with the connection).
  exitOnStopSignals(() => worker.close(), logger);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
