import 'reflect-metadata';
import { ConfigError, createAppLogger, loadConfig } from '@alternance/platform/nest';
import { startWorker } from './worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createAppLogger(config.logLevel);
  const worker = await startWorker(config);
  logger?.log({ event: 'listening', health: `${worker.url}/health/ready`, database: config.database.driver, search: config.search.engine }, 'lifecycle');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal gives up waiting for the batch or job in progress (its lease is released with the connection).
    if (stopping) process.exit(1);
    stopping = true;
    logger?.log({ event: 'signal', signal }, 'lifecycle');
    worker.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger?.error({ event: 'shutdown.failed', error: error instanceof Error ? error.name : typeof error }, 'lifecycle');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
