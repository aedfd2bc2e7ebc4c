import type { Server } from 'node:http';
import Fastify, { FastifyInstance, FastifyRequest } from 'fastify';
import type { LoggerService } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '@alternance/platform/domain';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import { ApolloGateway, GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
// The playground alone: not the API's modules, which the gateway never runs.
import { mountPlayground } from '@alternance/api/playground';
import {
  DrainOutcome,
  HttpDrain,
  JsonLogger,
  apolloLogger,
  createAppLogger,
  formatGraphqlError,
  httpServerOptions,
  installHttpEdge,
  sharedServerOptions,
  operationLogPlugin,
  requestLogRecord,
} from '@alternance/platform/nest';
import { GatewayConfig } from './gateway-config';
import { SubgraphFetchInit, subgraphFetcher } from './http-fetcher';

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/** What the gateway keeps of a client request to pass on to the subgraphs. */
export interface GatewayContext {
  req: FastifyRequest;
}

/**
 * A subgraph reached over HTTP, with what it needs from the client's request: the
 * Authorization header (each subgraph verifies the token itself), the request id (one id
 * across the logs of every process) and the client's address (X-Forwarded-For, which the
 * subgraphs believe when TRUST_PROXY names the gateway), so rate limits count the client.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly service: string,
    url: string,
    fetchSubgraph: (url: string, init: SubgraphFetchInit) => Promise<Response>,
    private readonly logger?: LoggerService,
  ) {
    super({
      url,
      fetcher: (async (input: string, init: SubgraphFetchInit) => {
        try {
          return await fetchSubgraph(input, init);
        } catch (error) {
          throw this.unavailable(error instanceof Error ? (error.name === 'TimeoutError' ? 'timed out' : ((error as NodeJS.ErrnoException).code ?? error.name)) : typeof error);
        }
      }) as never,
    });
  }

  /**
   * A subgraph refuses some requests with an HTTP error status and a GraphQL body (429 and
   * RATE_LIMITED, 400 and QUERY_TOO_COMPLEX): its first error is passed on as it is. Anything
   * else (a proxy's 502, a crash mid-answer) is the subgraph not answering.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = await this.parseBody(response).catch(() => undefined);
    const first = (body as { errors?: GraphQLFormattedError[] } | undefined)?.errors?.[0];
    if (first && typeof first.message === 'string' && typeof first.extensions?.code === 'string') return new SubgraphRefusal(first);
    return this.unavailable(`HTTP ${response.status}`);
  }

  private unavailable(cause: string): SubgraphUnavailable {
    this.logger?.warn({ event: 'subgraph.unavailable', subgraph: this.service, cause }, 'gateway');
    return new SubgraphUnavailable(this.service, cause);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const req = context.req;
    if (!req || !request.http) return;
    const headers = request.http.headers;
    const authorization = req.headers.authorization;
    if (authorization) headers.set('authorization', authorization);
    headers.set('x-request-id', requestLogRecord(req).requestId);
    // The client as the gateway's own TRUST_PROXY sees it: a client's X-Forwarded-For counts only behind a trusted proxy.
    const client = req.ip;
    if (client) headers.set('x-forwarded-for', client);
  }
}

/** An error a subgraph answered with an HTTP error status: already in the public form. */
export class SubgraphRefusal extends GraphQLError {
  constructor(readonly answered: GraphQLFormattedError) {
    super(answered.message, { extensions: answered.extensions });
    this.name = 'SubgraphRefusal';
  }
}

/** A subgraph that did not answer (refused, reset or timed out): the client sees SERVICE_UNAVAILABLE, the log says which. */
export class SubgraphUnavailable extends GraphQLError {
  constructor(
    readonly service: string,
    readonly failure: string,
  ) {
    super(`subgraph ${service} unavailable: ${failure}`, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } });
    this.name = 'SubgraphUnavailable';
  }
}

const UNAVAILABLE: GraphQLFormattedError['extensions'] = { code: ErrorCode.SERVICE_UNAVAILABLE };
const UNAVAILABLE_MESSAGE = 'Part of the service is unavailable; try again shortly.';

/**
 * Errors a subgraph answered are already in the public form (stable code, no internals): they
 * pass as they are, without the name of the service that raised them. The gateway's own
 * errors (document limits, validation against the supergraph) take the API's format.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof SubgraphUnavailable) return { message: UNAVAILABLE_MESSAGE, path: formatted.path, extensions: UNAVAILABLE };
  if (original instanceof SubgraphRefusal) {
    // A path inside an entity fetch (`_entities`) means nothing to the client.
    const path = formatted.path ?? (original.answered.path?.[0] === '_entities' ? undefined : original.answered.path);
    return { message: original.answered.message, ...(path ? { path } : {}), extensions: original.answered.extensions };
  }
  const extensions = formatted.extensions ?? {};
  if (typeof extensions.serviceName === 'string') {
    const { serviceName: _service, ...rest } = extensions;
    if (rest.code === 'DOWNSTREAM_SERVICE_ERROR' || rest.code === undefined) {
      return { message: UNAVAILABLE_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: UNAVAILABLE };
    }
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: rest };
  }
  return formatGraphqlError(formatted, error);
}

/**
 * As the single process does: a refused write budget answers HTTP 429 with Retry-After, and a
 * sign-in refused while the shared rate-limit store is down (RATE_LIMIT_UNAVAILABLE) 503 with
 * Retry-After (the subgraph's refusal reaches the gateway inside the plan's execution, which
 * answers 200).
 */
export function rateLimitStatusPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          const wait = (e: (typeof errors)[number]) => Number(e.extensions?.retryAfterSeconds) || 1;
          const limited = errors.filter((e) => e.extensions?.code === ErrorCode.RATE_LIMITED).map(wait);
          const unavailable = errors.filter((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE && e.extensions?.reason === 'RATE_LIMIT_UNAVAILABLE').map(wait);
          const waits = limited.length ? limited : unavailable;
          if (!waits.length) return;
          response.http.status = limited.length ? 429 : 503;
          response.http.headers.set('retry-after', String(Math.max(...waits)));
        },
      };
    },
  };
}

export interface Gateway {
  app: FastifyInstance;
  server: ApolloServer<GatewayContext>;
  drain: HttpDrain;
  logger?: JsonLogger;
}

/**
 * The federated deployment's entry point: one GraphQL endpoint over the subgraphs, planned
 * from the committed supergraph (never from introspecting the subgraphs). In front, as in the
 * single process: request ids and the access log, in-flight tracking, security headers, the
 * health probes (degraded while a subgraph is down, unavailable when all are), the body limit,
 * the offline playground, and the same document limits, CSRF prevention and no batching.
 */
export async function createGateway(config: GatewayConfig): Promise<Gateway> {
  const { app: settings } = config;
  const logger = createAppLogger(settings.logLevel);
  const fetchSubgraph = subgraphFetcher(config.subgraphTimeoutMs);
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    logger: apolloLogger(logger),
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      return new ForwardingDataSource(name, target, fetchSubgraph, logger);
    },
  });
  const shared = sharedServerOptions(settings.graphqlLimits, settings.introspection);
  const server = new ApolloServer<GatewayContext>({
    ...shared,
    gateway,
    plugins: [ApolloServerPluginLandingPageDisabled(), ...(shared.plugins as ApolloServerPlugin<GatewayContext>[]), rateLimitStatusPlugin(), operationLogPlugin<GatewayContext>(logger)],
    logger: apolloLogger(logger),
    formatError: formatGatewayError,
  });
  await server.start();

  const edge = { bodyLimitBytes: settings.bodyLimitBytes, trustProxy: settings.trustProxy };
  const app = Fastify(httpServerOptions(edge));
  const drain = new HttpDrain();
  const subgraphs = subgraphHealthUrls(config);
  installHttpEdge(app, {
    settings: edge,
    drain,
    logger,
    graphql: { path: '/graphql', maxTokens: settings.graphqlLimits.maxTokens },
    health: {
      // A subgraph down takes only its fields away: the gateway stays ready, `degraded`.
      checks: subgraphs.map(({ name, url }) => ({
        name,
        critical: false,
        check: async () => {
          const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
          if (!res.ok) throw new Error(`${name} answered ${res.status}`);
        },
      })),
    },
  });
  if (settings.playground) mountPlayground(app);
  app.route({ url: '/graphql', method: ['GET', 'POST', 'OPTIONS'], handler: fastifyApolloHandler(server, { context: async (req) => ({ req }) }) });
  await app.ready();
  return { app, server, drain, logger };
}

/** Each subgraph's readiness probe, next to its /graphql. */
export function subgraphHealthUrls(config: GatewayConfig): { name: string; url: string }[] {
  const named = [...config.supergraphSdl.matchAll(/^\s*([A-Z_]+) @join__graph\(name: "([^"]+)", url: "([^"]*)"\)/gm)];
  return named.map(([, , name, url]) => {
    const base = new URL(config.subgraphUrls[name] ?? url);
    return { name, url: new URL('/health/ready', base).toString() };
  });
}

/** As the API does on SIGTERM: stop accepting, let in-flight requests finish, then stop the gateway. */
export async function closeGateway(gateway: Gateway, timeoutMs: number): Promise<DrainOutcome> {
  const outcome = await gateway.drain.drain(gateway.app.server as Server, timeoutMs);
  await gateway.server.stop();
  await gateway.app.close();
  return outcome;
}
