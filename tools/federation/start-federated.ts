import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ConfigError, loadConfig } from '@alternance/platform/nest';
import { Federated, startFederated } from './federated';

const root = path.resolve(__dirname, '../../..');

/** The web app (its production build, made by `npm run start:federated`) in front of the gateway. */
function startWeb(gatewayUrl: string, onExit: (code: number | null, signal: NodeJS.Signals | null) => void): ChildProcess {
  const port = process.env.WEB_PORT ?? '3000';
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', 'apps/web', '--hostname', process.env.HOST ?? '127.0.0.1', '--port', port], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', API_URL: `${gatewayUrl}/graphql` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on('line', (line) => console.log(`[web] ${line}`));
  child.on('exit', onExit);
  return child;
}

/**
 * `npm run start:federated`: the gateway on http://127.0.0.1:4000/graphql (PORT moves it),
 * the job-board, talent-marketplace and matcher subgraphs on 4001-4003 and the worker's
 * probes on 4004, and the web app on WEB_PORT (3000) in front of the gateway, each a process of
 * its own, their logs prefixed with their names.
 * Ctrl-C stops them all, gateway first.
 */
async function main(): Promise<void> {
  // Fails early, with the API's message, on a configuration every process would refuse.
  loadConfig();
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  const started: { federated?: Federated } = {};
  started.federated = await startFederated({
    ports: port ? { gateway: port } : {},
    onLine: (name, line) => console.log(`[${name}] ${line}`),
    onExit: (name, code, signal) => {
      // While starting, startFederated fails on its own and stops the rest.
      if (!started.federated) return;
      console.error(`[${name}] exited (${code ?? signal}): stopping the others`);
      void started.federated.stop().then(() => process.exit(1));
    },
  });
  const federated = started.federated;
  let stopping = false;
  const web = startWeb(federated.gatewayUrl, (code, signal) => {
    if (stopping) return;
    console.error(`[web] exited (${code ?? signal}): stopping the others`);
    stopping = true;
    void federated.stop().then(() => process.exit(1));
  });
  console.log(`federated deployment ready: ${federated.gatewayUrl}/graphql, the web app on http://127.0.0.1:${process.env.WEB_PORT ?? '3000'}/`);
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    web.kill('SIGTERM');
    void federated.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
