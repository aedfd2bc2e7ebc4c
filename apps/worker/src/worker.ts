import type { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/core';
import { Clock, systemClock } from '@alternance/platform/domain';
import { AppConfig, JsonLogger, createAppLogger, healthRoutes } from '@alternance/platform/nest';
import { SEARCH_INDEXES, SearchIndexes } from '@alternance/search/feature';
import { JobRunner } from '@alternance/notifications/feature';
import { WorkerPlan, planWorker } from './worker-plan';
import { WorkerModule } from './worker.module';

export interface Worker {
  plan: WorkerPlan;
  app: INestApplicationContext;
  /** Base URL of the health probes. */
  url: string;
  /** Stops the probes (readiness first), then the relay (after its batch) and the jobs (after their run). */
  close(): Promise<void>;
}

/**
 * Starts the worker: the outbox relay and the scheduled jobs as the plan says, and
 * GET /health/live and /health/ready on WORKER_PORT. It never migrates (that is the API's
 * start-up or `npm run migrate`): a schema behind the code is refused.
 */
export async function startWorker(config: AppConfig, clock: Clock = systemClock): Promise<Worker> {
  const plan = planWorker(config);
  const logger = createAppLogger(config.logLevel);
  for (const note of plan.notes) logger?.log({ event: 'worker.plan', message: note }, 'worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(plan.config, clock), { logger: logger ?? false, abortOnError: false });
  let server: Server | undefined;
  let draining = false;
  try {
    const orm = app.get(MikroORM);
    const pending = await orm.getMigrator().getPendingMigrations();
    if (pending.length) {
      throw new Error(`the database is ${pending.length} migration(s) behind (${pending[0].name}…): start the API or run npm run migrate first`);
    }
    await app.init();
    server = await listen(config, orm, app.get<SearchIndexes>(SEARCH_INDEXES), logger, () => draining);
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  logger?.log({ event: 'worker.started', relay: plan.relay, jobs: plan.jobs, jobsIntervalSeconds: config.jobsIntervalSeconds, port: address.port }, 'worker');
  const running = server;
  return {
    plan,
    app,
    url: `http://${config.host}:${address.port}`,
    async close() {
      draining = true;
      await new Promise<void>((resolve) => running.close(() => resolve()));
      await app.close();
    },
  };
}

async function listen(config: AppConfig, orm: MikroORM, indexes: SearchIndexes, logger: JsonLogger | undefined, draining: () => boolean): Promise<Server> {
  // Probes are short: do not let an idle keep-alive connection hold the shutdown.
  const http = Fastify({ logger: false, keepAliveTimeout: 1000 });
  healthRoutes({
    checks: [
      { name: 'database', check: () => orm.em.getConnection().execute('select 1') },
      { name: 'search', check: () => Promise.all([indexes.offers.count(), indexes.candidates.count()]) },
    ],
    draining,
    logger,
  })(http);
  http.setNotFoundHandler((_request, reply) => reply.code(404).send({ status: 'not found' }));
  await http.listen({ port: config.workerPort, host: config.host });
  return http.server;
}

/** For tests and the command line: the runner the worker schedules. */
export function workerJobs(worker: Worker): JobRunner {
  return worker.app.get(JobRunner);
}
