import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { waitUntilReady } from '../../tools/support/process-ready';

/**
 * The built API (`dist/apps/api/src/main.js`) as a process of its own, for tests that stop it
 * with a signal. Run `node tools/build.mjs` first (the e2e global set-up does).
 */
const root = path.resolve(__dirname, '../..');

export interface ApiProcess {
  process: ChildProcess;
  url: string;
  port: number;
  /** Everything it wrote on stdout and stderr so far. */
  output: string[];
}

const started: ChildProcess[] = [];

/** Starts the API with `env` on a random port and waits until `/health/ready` answers. */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [path.join(root, 'dist/apps/api/src/main.js')], {
    env: { ...process.env, NODE_ENV: 'test', SEED_DEMO: 'false', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  const output: string[] = [];
  child.stdout!.on('data', (chunk) => output.push(String(chunk)));
  child.stderr!.on('data', (chunk) => output.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady('API', child, `${url}/health/ready`, Date.now() + 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error instanceof Error ? error.message : error}: ${output.join('')}`);
  }
  return { process: child, url, port, output };
}

/** Kills every API process a test started that is still running (a failed assertion can leave one behind). */
export async function killApiProcesses(): Promise<void> {
  for (const child of started) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}

/** A GraphQL request over HTTP, answered as parsed JSON whatever the status. */
export async function httpGql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ data?: any; errors?: unknown[] }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}
