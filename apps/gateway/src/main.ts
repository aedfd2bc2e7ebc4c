import 'reflect-metadata';
import { ConfigError } from '@alternance/platform/nest';
import { loadGatewayConfig } from './gateway-config';
import { closeGateway, createGateway } from './gateway';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const gateway = await createGateway(config);
  const { host, port, playground, shutdownTimeoutMs } = config.app;
  const http = gateway.app.listen(port, host);
  await new Promise<void>((resolve, reject) => http.once('listening', resolve).once('error', reject));
  const url = `http://${host}:${port}/graphql`;
  gateway.logger?.log({ event: 'listening', service: 'gateway', url, ...(playground ? { playground: `open ${url} in a browser` } : {}) }, 'lifecycle');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    gateway.logger?.log({ event: 'signal', signal }, 'lifecycle');
    closeGateway(gateway, http, shutdownTimeoutMs).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
