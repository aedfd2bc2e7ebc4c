import path from 'node:path';
import { Clock, systemClock } from '@alternance/platform/domain';
import { AppConfig, ConfigError, createAppLogger, exitOnStopSignals, loadConfig } from '@alternance/platform/nest';
import { ApiSurface, SINGLE_PROCESS } from './app.module';
import { closeGracefully, createApp } from './bootstrap';

/**
 * Runs a GraphQL process until SIGTERM or SIGINT: the single-process API, or one subgraph of
 * the federated deployment (`surface`), with its configuration read from the environment and
 * adjusted by `adjust` (a subgraph keeps its own embedded index, for instance).
 */
export function serve(surface: ApiSurface = SINGLE_PROCESS, adjust: (config: AppConfig) => AppConfig = (c) => c, clock: Clock = systemClock): void {
  run(surface, adjust, clock).catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}

async function run(surface: ApiSurface, adjust: (config: AppConfig) => AppConfig, clock: Clock): Promise<void> {
  const config = adjust(loadConfig());
  const logger = createAppLogger(config.logLevel);
  const app = await createApp(config, clock, surface);
  await app.listen(config.port, config.host);
  const url = `http://${config.host}:${config.port}/graphql`;
  logger?.log(
    { event: 'listening', service: surface.name, url, database: config.database.driver, ...(config.playground ? { playground: `open ${url} in a browser` } : {}) },
    'lifecycle',
  );

  exitOnStopSignals(() => closeGracefully(app, config.shutdownTimeoutMs), logger);
}

/**
 * A subgraph's configuration: an embedded search index of its own (`DATA_DIR/search-<name>`,
 * since an embedded index belongs to one process, which feeds it from the outbox), and no
 * playground (the gateway serves it).
 */
export function subgraphConfig(name: string): (config: AppConfig) => AppConfig {
  return (config) => ({
    ...config,
    playground: false,
    search: config.search.engine === 'embedded' ? { engine: 'embedded', dir: path.join(config.dataDir, `search-${name}`) } : config.search,
  });
}
