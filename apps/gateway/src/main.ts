import 'reflect-metadata';
import { ConfigError, exitOnStopSignals } from '@alternance/platform/nest';
import { loadGatewayConfig } from './gateway-config';
import { closeGateway, createGateway } from './gateway';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const gateway = await createGateway(config);
  const { host, port, playground, shutdownTimeoutMs } = config.app;
  await gateway.app.listen({ port, host });
  const url = `http://${host}:${port}/graphql`;
  gateway.logger?.log({ event: 'listening', service: 'gateway', url, ...(playground ? { playground: `open ${url} in a browser` } : {}) }, 'lifecycle');

  exitOnStopSignals(() => closeGateway(gateway, shutdownTimeoutMs), gateway.logger);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
