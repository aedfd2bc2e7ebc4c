import type { Server } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Clock, systemClock } from '@alternance/platform/domain';
import {
  AppConfig,
  DrainOutcome,
  HttpDrain,
  JsonLogger,
  RATE_LIMIT_STORE,
  RateLimitStore,
  ReadinessCheck,
  RedisRateLimitStore,
  createAppLogger,
  httpServerOptions,
  installHttpEdge,
} from '@alternance/platform/nest';
import { SEARCH_INDEXES, SearchIndexes } from '@alternance/search/feature';
import { ApiSurface, AppModule, SINGLE_PROCESS } from './app.module';
import { mountPlayground } from './playground/playground';
import { prepareDatabase } from './persistence/prepare-database';

const drains = new WeakMap<INestApplication, { drain: HttpDrain; logger?: JsonLogger }>();

/**
 * Nest on Fastify, without Nest's own answers for errors and unknown paths: the API has no
 * controllers, and the HTTP edge answers both as JSON in the GraphQL error shape.
 */
class ApiHttpAdapter extends FastifyAdapter {
  override setErrorHandler() {
    return this.getInstance();
  }

  override setNotFoundHandler() {
    return this.getInstance();
  }
}

/**
 * Builds the HTTP application: database migrated (and, in the embedded mode, the catalogue
 * and demo data loaded), GraphQL at /graphql, the playground where enabled. In front of
 * everything, the HTTP edge (request ids and the access log, in-flight tracking for graceful
 * shutdown, security headers, the health probes, body limits), then each request's own
 * entity manager context.
 */
export async function createApp(config: AppConfig, clock: Clock = systemClock, surface: ApiSurface = SINGLE_PROCESS): Promise<INestApplication> {
  const logger = createAppLogger(config.logLevel);
  const settings = { bodyLimitBytes: config.bodyLimitBytes, trustProxy: config.trustProxy };
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, clock, surface), new ApiHttpAdapter(httpServerOptions(settings)), {
    logger: logger ?? false,
    bodyParser: false,
  });
  const http = app.getHttpAdapter().getInstance();
  const drain = new HttpDrain();
  drains.set(app, { drain, logger });
  const orm = app.get(MikroORM);
  const indexes = app.get<SearchIndexes>(SEARCH_INDEXES);
  const rateLimits = app.get<RateLimitStore>(RATE_LIMIT_STORE);
  // Without Redis the process still answers (sign-in refused, other budgets uncounted): degraded, not down.
  const redis: ReadinessCheck[] = rateLimits instanceof RedisRateLimitStore ? [{ name: 'redis', critical: false, check: () => rateLimits.ping() }] : [];
  installHttpEdge(http, {
    settings,
    drain,
    logger,
    graphql: { path: '/graphql', maxTokens: config.graphqlLimits.maxTokens },
    health: {
      checks: [
        { name: 'database', check: () => orm.em.getConnection().execute('select 1') },
        { name: 'search', check: () => Promise.all([indexes.offers.count(), indexes.candidates.count()]) },
        ...redis,
      ],
    },
  });
  if (config.playground) mountPlayground(http);
  // Everything the request does next (body, GraphQL, resolvers) runs in its own entity manager context.
  http.addHook('onRequest', (_request, _reply, done) => RequestContext.create(orm.em, done));
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
