import { ConfigError, loadConfig } from '@alternance/platform/nest';
import { Federated, startFederated } from './federated';

/**
 * `npm run start:federated`: the gateway on http://127.0.0.1:4000/graphql (PORT moves it),
 * the job-board, talent-marketplace and matcher subgraphs on 4001-4003 and the worker's
 * probes on 4004, each a process of its own, their logs prefixed with their names.
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
  console.log(`federated deployment ready: ${federated.gatewayUrl}/graphql`);
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    void federated.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
