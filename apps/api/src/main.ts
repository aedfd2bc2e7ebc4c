import 'reflect-metadata';
import { ConfigError, createAppLogger, loadConfig } from '@alternance/platform/nest';
import { closeGracefully, createApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createAppLogger(config.logLevel);
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const url = `http://${config.host}:${config.port}/graphql`;
  logger?.log({ event: 'listening', url, database: config.database.driver, ...(config.playground ? { playground: `open ${url} in a browser` } : {}) }, 'lifecycle');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal (Ctrl-C twice) gives up waiting for in-flight requests.
    if (stopping) process.exit(1);
    stopping = true;
    logger?.log({ event: 'signal', signal }, 'lifecycle');
    closeGracefully(app, config.shutdownTimeoutMs).then(
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
