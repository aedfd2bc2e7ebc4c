import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { LoggerService } from '@nestjs/common';
import { HealthOptions, healthRoutes } from '../health/health';
import { HttpDrain } from '../lifecycle/http-drain';
import { requestLogging } from '../logging/request-logging';
import { securityHeaders } from '../security/security-headers';
import { installLeanAsyncResourceBind } from './async-resource-bind';
import { failureBody, readRequestBodies } from './request-bodies';
import { TokenLimitSettings, refuseOverTokenLimit } from './token-limit';

export const HEALTH_PATHS = ['/health/live', '/health/ready'];

export interface HttpEdgeSettings {
  bodyLimitBytes: number;
  /** Whose X-Forwarded-For to believe for the caller's address (TRUST_PROXY). */
  trustProxy: boolean | number | string[];
}

/**
 * The HTTP server options every process that serves clients shares (the API, each subgraph,
 * the gateway): the body limit, which proxies to believe, and no logger of Fastify's own (the
 * access log below replaces its request lines).
 */
export function httpServerOptions(settings: HttpEdgeSettings): FastifyServerOptions {
  return {
    bodyLimit: settings.bodyLimitBytes,
    trustProxy: settings.trustProxy,
    logger: false,
    // The access log's request id (X-Request-Id) is the one every process uses.
    requestIdHeader: false,
  };
}

export interface HttpEdgeOptions {
  settings: HttpEdgeSettings;
  drain: HttpDrain;
  health: Omit<HealthOptions, 'draining' | 'logger'>;
  /** Where GraphQL is served and its token limit, counted here before the GraphQL server parses. */
  graphql: TokenLimitSettings;
  logger?: LoggerService;
}

/**
 * What stands in front of GraphQL in every process that serves clients, in order: request ids
 * and the access log, in-flight tracking for graceful shutdown, security headers (on every
 * answer, errors and probes included), the health probes, how bodies are read and their
 * errors answered, documents over the token limit refused before they are parsed, and a JSON
 * 404 for any other path. On Node lines where `AsyncResource.prototype.bind` is costly (see
 * `installLeanAsyncResourceBind`), the one Fastify calls for every request body is replaced.
 */
export function installHttpEdge(app: FastifyInstance, options: HttpEdgeOptions): void {
  const { logger, drain } = options;
  installLeanAsyncResourceBind();
  app.addHook('onRequest', requestLogging(logger, { quietPaths: HEALTH_PATHS }));
  app.addHook('onRequest', drain.hook());
  app.addHook('onRequest', securityHeaders());
  healthRoutes({ ...options.health, draining: () => drain.isDraining, logger })(app);
  readRequestBodies(app, options.settings.bodyLimitBytes, logger);
  refuseOverTokenLimit(app, options.graphql);
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(failureBody({ status: 404, message: 'Not found.', code: 'NOT_FOUND' })));
}
