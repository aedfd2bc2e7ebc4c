import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '@alternance/platform/nest';
import { waitUntilReady } from '../support/process-ready';

/**
 * The federated deployment as plain local processes (`npm run start:federated`, and the e2e
 * suite): the three subgraphs, the worker and the gateway, from the built dist/. One shared
 * configuration (DATABASE_URL, DATA_DIR, JWT_SECRET, MEILI_URL…) comes from the environment.
 */
const ROOT = projectRoot();

export interface FederatedPorts {
  gateway: number;
  jobBoard: number;
  talentMarketplace: number;
  matcher: number;
  worker: number;
}

export const DEFAULT_PORTS: FederatedPorts = { gateway: 4000, jobBoard: 4001, talentMarketplace: 4002, matcher: 4003, worker: 4004 };

export interface FederatedProcess {
  name: string;
  child: ChildProcess;
  /** Where its readiness probe answers. */
  health: string;
}

export interface Federated {
  processes: FederatedProcess[];
  gatewayUrl: string;
  /** Stops the gateway first, then the subgraphs, then the worker (SIGTERM, then SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  ports?: Partial<FederatedPorts>;
  /** Each line a process writes, with its name. */
  onLine?: (name: string, line: string) => void;
  /** Called when a process exits before `stop()`. */
  onExit?: (name: string, code: number | null, signal: NodeJS.Signals | null) => void;
  startTimeoutMs?: number;
}

function waitReady(proc: FederatedProcess, deadline: number): Promise<void> {
  return waitUntilReady(proc.name, proc.child, proc.health, deadline);
}

/**
 * Starts the deployment and resolves once the gateway is ready. The job board starts first
 * and alone applies the migrations and loads the catalogue (and the demo data where
 * configured); the others start on the prepared database. The scheduled jobs run in the
 * worker only. With MEILI_URL the worker applies the outbox to Meilisearch; with the embedded
 * engine each subgraph feeds its own index and the worker runs the jobs.
 */
export async function startFederated(options: StartOptions = {}): Promise<Federated> {
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const base = { ...process.env, ...options.env };
  const meili = Boolean(base.MEILI_URL);
  const processes: FederatedProcess[] = [];
  let stopping = false;
  const deadline = () => Date.now() + (options.startTimeoutMs ?? 120_000);

  const launch = (name: string, script: string, env: Record<string, string | undefined>, health: string): FederatedProcess => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', script)], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout!, child.stderr!]) {
      let rest = '';
      stream.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) options.onLine?.(name, line);
      });
    }
    child.once('exit', (code, signal) => {
      if (!stopping) options.onExit?.(name, code, signal);
    });
    const proc = { name, child, health };
    processes.push(proc);
    return proc;
  };

  const subgraph = (name: string, dir: string, port: number, first: boolean) =>
    launch(
      name,
      `apps/${dir}/src/main.js`,
      {
        PORT: String(port),
        // Only the first applies migrations and seeds; the scheduled jobs belong to the worker.
        ...(first ? {} : { MIGRATE_ON_START: 'false', SEED_DEMO: 'false' }),
        JOBS_INTERVAL_SECONDS: '0',
        // With Meilisearch the worker relays the outbox; the subgraphs only serve.
        ...(meili ? { RELAY_IN_PROCESS: 'false' } : {}),
        // The gateway (on this machine) passes the client's address on.
        TRUST_PROXY: base.SUBGRAPH_TRUST_PROXY ?? 'loopback',
      },
      `http://127.0.0.1:${port}/health/ready`,
    );

  const stop = async (graceMs = 15_000) => {
    stopping = true;
    const order = ['gateway', 'job-board', 'talent-marketplace', 'matcher', 'worker'];
    for (const group of [[order[0]], order.slice(1, 4), [order[4]]]) {
      await Promise.all(
        processes
          .filter((p) => group.includes(p.name) && p.child.exitCode === null && p.child.signalCode === null)
          .map(async (p) => {
            const exited = new Promise((r) => p.child.once('exit', r));
            p.child.kill('SIGTERM');
            const timer = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
            await exited;
            clearTimeout(timer);
          }),
      );
    }
  };

  try {
    await waitReady(subgraph('job-board', 'job-board', ports.jobBoard, true), deadline());
    const others = [subgraph('talent-marketplace', 'talent-marketplace', ports.talentMarketplace, false), subgraph('matcher', 'matcher', ports.matcher, false)];
    const worker = launch(
      'worker',
      'apps/worker/src/main.js',
      { WORKER_PORT: String(ports.worker), MIGRATE_ON_START: 'false', SEED_DEMO: 'false', JOBS_INTERVAL_SECONDS: base.JOBS_INTERVAL_SECONDS ?? '60' },
      `http://127.0.0.1:${ports.worker}/health/ready`,
    );
    await Promise.all([...others, worker].map((p) => waitReady(p, deadline())));
    const gateway = launch(
      'gateway',
      'apps/gateway/src/main.js',
      {
        PORT: String(ports.gateway),
        SUBGRAPH_JOB_BOARD_URL: `http://127.0.0.1:${ports.jobBoard}/graphql`,
        SUBGRAPH_TALENT_MARKETPLACE_URL: `http://127.0.0.1:${ports.talentMarketplace}/graphql`,
        SUBGRAPH_MATCHER_URL: `http://127.0.0.1:${ports.matcher}/graphql`,
      },
      `http://127.0.0.1:${ports.gateway}/health/ready`,
    );
    await waitReady(gateway, deadline());
  } catch (error) {
    await stop(2_000);
    throw error;
  }
  return { processes, gatewayUrl: `http://127.0.0.1:${ports.gateway}`, stop };
}
