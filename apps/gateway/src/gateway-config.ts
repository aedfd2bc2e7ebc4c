import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppConfig, ConfigError, loadConfig, projectRoot } from '@alternance/platform/nest';

/** The subgraphs the supergraph names, and the environment variable that moves each. */
export const SUBGRAPH_URL_VARIABLES: Record<string, string> = {
  'job-board': 'SUBGRAPH_JOB_BOARD_URL',
  'talent-marketplace': 'SUBGRAPH_TALENT_MARKETPLACE_URL',
  matcher: 'SUBGRAPH_MATCHER_URL',
};

export interface GatewayConfig {
  /** The settings the gateway shares with the API: address, limits, playground, logs, shutdown. */
  app: AppConfig;
  /** The composed supergraph (apps/gateway/supergraph.graphql unless SUPERGRAPH_FILE says otherwise). */
  supergraphSdl: string;
  /** Subgraph name → URL, where the environment moves it from the supergraph's address. */
  subgraphUrls: Record<string, string>;
  /** How long a subgraph may take to answer one fetch of a query plan. */
  subgraphTimeoutMs: number;
}

export const DEFAULT_SUPERGRAPH_FILE = path.join(projectRoot(), 'apps/gateway/supergraph.graphql');

/**
 * Reads the gateway's settings from the environment (PORT defaults to 4000 here). The gateway
 * neither signs nor verifies tokens (each subgraph verifies the one it is passed), so it needs
 * no JWT_SECRET, and no database.
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const app = loadConfig({ ...env, PORT: env.PORT ?? '4000', JWT_SECRET: randomBytes(48).toString('base64'), DATABASE_URL: undefined });
  const file = env.SUPERGRAPH_FILE || DEFAULT_SUPERGRAPH_FILE;
  if (!existsSync(file)) throw new ConfigError('SUPERGRAPH_FILE', `${file} does not exist: run \`npm run supergraph\``);
  const subgraphUrls: Record<string, string> = {};
  for (const [name, variable] of Object.entries(SUBGRAPH_URL_VARIABLES)) {
    const value = env[variable];
    if (!value) continue;
    try {
      const url = new URL(value);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    } catch {
      throw new ConfigError(variable, `expected the http(s) URL of the ${name} subgraph's /graphql`);
    }
    subgraphUrls[name] = value;
  }
  const timeout = Number(env.SUBGRAPH_TIMEOUT_MS ?? 30_000);
  if (!Number.isInteger(timeout) || timeout < 100) throw new ConfigError('SUBGRAPH_TIMEOUT_MS', 'expected an integer of at least 100');
  return { app, supergraphSdl: readFileSync(file, 'utf8'), subgraphUrls, subgraphTimeoutMs: timeout };
}
