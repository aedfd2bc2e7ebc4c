import 'reflect-metadata';
import { ConfigError, loadConfig } from '@alternance/platform/nest';
import { createApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const url = `http://${config.host}:${config.port}/graphql`;
  console.log(`Alternance API on ${url} (${config.database.driver})${config.playground ? `; playground: open ${url} in a browser` : ''}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
