import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Federated, startFederated } from '../../tools/federation/federated';
import { killApiProcesses, startApiProcess } from './api-process';
import { freshDatabaseUrl } from './test-app';

/**
 * The two ways to deploy the product, started from the built dist/ as real processes on a
 * fresh copy of the prepared test database: the single-process API, and the federated
 * deployment (gateway, three subgraphs, worker). Run `node tools/build.mjs` first (the e2e
 * global set-up does).
 */
export interface Deployment {
  name: 'single process' | 'federated';
  /** Where clients send GraphQL (`${url}/graphql`): the API, or the gateway. */
  url: string;
  /** The federated deployment's subgraphs, by name (none for the single process). */
  subgraphs: Record<string, string>;
  /** Everything the processes logged so far. */
  output: string[];
  /** Stops one process of the federated deployment (SIGTERM), as a fault. */
  stopProcess(name: string): Promise<void>;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '../..');
export const JWT_SECRET = 'e2e-deployments-secret-0123456789abcdefghijklmnop';

/** A fresh database and data directory: a copy of the SQLite template, or the PostgreSQL template emptied. */
async function freshEnvironment(): Promise<{ env: Record<string, string>; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'alternance-deployment-'));
  const databaseUrl = await freshDatabaseUrl(dataDir);
  return {
    dataDir,
    env: {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      CATALOGUE_DIR: process.env.CATALOGUE_DIR ?? path.resolve(root, '../shared/data'),
      JWT_SECRET,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    },
  };
}

export async function startSingleProcess(extra: Record<string, string> = {}): Promise<Deployment> {
  const { env, dataDir } = await freshEnvironment();
  const api = await startApiProcess({ ...env, ...extra });
  return {
    name: 'single process',
    url: api.url,
    subgraphs: {},
    output: api.output,
    stopProcess: async () => {
      throw new Error('the single process has no parts to stop');
    },
    stop: async () => {
      const exited = new Promise((r) => api.process.once('exit', r));
      api.process.kill('SIGTERM');
      await exited;
      await killApiProcesses();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startFederatedDeployment(extra: Record<string, string> = {}): Promise<Deployment> {
  const { env, dataDir } = await freshEnvironment();
  const base = 20_000 + Math.floor(Math.random() * 20_000);
  const output: string[] = [];
  let federated: Federated;
  try {
    federated = await startFederated({
      env: { ...env, JOBS_INTERVAL_SECONDS: '3600', ...extra },
      ports: { gateway: base, jobBoard: base + 1, talentMarketplace: base + 2, matcher: base + 3, worker: base + 4 },
      onLine: (name, line) => output.push(`[${name}] ${line}`),
      startTimeoutMs: 90_000,
    });
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : error}\n${output.join('\n')}`);
  }
  return {
    name: 'federated',
    url: federated.gatewayUrl,
    subgraphs: {
      'job-board': `http://127.0.0.1:${base + 1}`,
      'talent-marketplace': `http://127.0.0.1:${base + 2}`,
      matcher: `http://127.0.0.1:${base + 3}`,
    },
    output,
    stopProcess: async (name) => {
      const proc = federated.processes.find((p) => p.name === name);
      if (!proc) throw new Error(`no process ${name}`);
      const exited = new Promise((r) => proc.child.once('exit', r));
      proc.child.kill('SIGTERM');
      await exited;
    },
    stop: async () => {
      await federated.stop(10_000);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
