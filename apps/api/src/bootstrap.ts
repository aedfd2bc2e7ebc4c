import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { MikroORM } from '@mikro-orm/core';
import { Clock, systemClock } from '@alternance/platform/domain';
import { AppConfig } from '@alternance/platform/nest';
import { AppModule } from './app.module';
import { mountPlayground } from './playground/playground';
import { prepareDatabase } from './persistence/prepare-database';

const NEST_LEVELS: Record<AppConfig['logLevel'], LogLevel[] | false> = {
  silent: false,
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

/**
 * Builds the HTTP application: database migrated (and, in the embedded mode, the catalogue
 * and demo data loaded), GraphQL at /graphql, the playground where enabled.
 */
export async function createApp(config: AppConfig, clock: Clock = systemClock): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, clock), {
    logger: NEST_LEVELS[config.logLevel],
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  app.enableShutdownHooks();
  if (config.playground) mountPlayground(app.getHttpAdapter().getInstance());
  await prepareDatabase(app.get(MikroORM), config, (msg) => config.logLevel !== 'silent' && console.log(msg));
  await app.init();
  return app;
}
