import type { Server } from 'node:http';
import type { Express } from 'express';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { MikroORM } from '@mikro-orm/core';
import { Clock, systemClock } from '@alternance/platform/domain';
import {
  AppConfig,
  DrainOutcome,
  HttpDrain,
  JsonLogger,
  createAppLogger,
  healthRoutes,
  jsonBody,
  requestLogging,
  securityHeaders,
} from '@alternance/platform/nest';
import { SEARCH_INDEXES, SearchIndexes } from '@alternance/search/feature';
import { ApiSurface, AppModule, SINGLE_PROCESS } from './app.module';
import { mountPlayground } from './playground/playground';
import { prepareDatabase } from './persistence/prepare-database';

const HEALTH_PATHS = ['/health/live', '/health/ready'];

const drains = new WeakMap<INestApplication, { drain: HttpDrain; logger?: JsonLogger }>();

/**
 * Builds the HTTP application: database migrated (and, in the embedded mode, the catalogue
 * and demo data loaded), GraphQL at /graphql, the playground where enabled. In front of
 * everything, in order: request ids and the access log, in-flight tracking for graceful
 * shutdown, security headers, the health probes, then the JSON body parser with its limit.
 */
export async function createApp(config: AppConfig, clock: Clock = systemClock, surface: ApiSurface = SINGLE_PROCESS): Promise<INestApplication> {
  const logger = createAppLogger(config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, clock, surface), {
    logger: logger ?? false,
    bodyParser: false,
  });
  const http = app.getHttpAdapter().getInstance() as Express;
  http.set('trust proxy', config.trustProxy);
  const drain = new HttpDrain();
  drains.set(app, { drain, logger });
  app.use(requestLogging(logger, { quietPaths: HEALTH_PATHS }));
  app.use(drain.middleware());
  app.use(securityHeaders());
  const orm = app.get(MikroORM);
  const indexes = app.get<SearchIndexes>(SEARCH_INDEXES);
  app.use(
    healthRoutes({
      checks: [
        { name: 'database', check: () => orm.em.getConnection().execute('select 1') },
        { name: 'search', check: () => Promise.all([indexes.offers.count(), indexes.candidates.count()]) },
      ],
      draining: () => drain.isDraining,
      logger,
    }),
  );
  app.use(jsonBody(config.bodyLimitBytes));
  if (config.playground) mountPlayground(http);
  await prepareDatabase(orm, config, (msg) => logger?.log({ event: 'startup', message: msg }, 'startup'));
  await app.init();
  return app;
}

/**
 * Stops the way a deployment expects on SIGTERM: no new connections, in-flight requests
 * finish (up to `timeoutMs`, then their connections are cut), then the application closes:
 * the GraphQL server, the search relay (which applies what is left of the outbox and persists
 * the embedded index), and the database connections.
 */
export async function closeGracefully(app: INestApplication, timeoutMs: number): Promise<DrainOutcome> {
  const state = drains.get(app);
  const started = Date.now();
  state?.logger?.log({ event: 'shutdown.started', inFlight: state.drain.inFlightCount, timeoutMs }, 'lifecycle');
  const outcome = state ? await state.drain.drain(app.getHttpServer() as Server, timeoutMs) : { completed: true, cut: 0 };
  await app.close();
  state?.logger?.log({ event: 'shutdown.finished', ...outcome, durationMs: Date.now() - started }, 'lifecycle');
  return outcome;
}
