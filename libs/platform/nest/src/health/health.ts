import type { FastifyInstance } from 'fastify';
import type { LoggerService } from '@nestjs/common';

/** Something the API needs to serve requests: it resolves when reachable, rejects when not. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<unknown>;
  /**
   * False for a dependency without which the process still serves part of its requests (a
   * gateway's subgraphs): while it is down the process reports itself `degraded` but ready,
   * so that a load balancer keeps sending it the requests it can answer. Default true.
   */
  critical?: boolean;
}

export interface HealthOptions {
  checks: ReadinessCheck[];
  /** A check slower than this counts as down. */
  timeoutMs?: number;
  /** True once shutdown started: readiness fails so a load balancer stops sending traffic. */
  draining?: () => boolean;
  logger?: LoggerService;
}

type Status = 'up' | 'down';

function withTimeout(promise: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Registers GET /health/live: the process answers (no I/O). GET /health/ready: 200 `ok` when every check
 * passes; 200 `degraded` naming the failing ones when only non-critical checks fail and at
 * least one check passes; else 503 `unavailable` naming them. Public, outside GraphQL (so never rate-limited), and cheap:
 * concurrent readiness probes share one run of the checks. Failure details go to the log,
 * not to the caller.
 */
export function healthRoutes(options: HealthOptions): (app: FastifyInstance) => void {
  const timeoutMs = options.timeoutMs ?? 2000;
  let running: Promise<Record<string, Status>> | undefined;
  const runChecks = async (): Promise<Record<string, Status>> => {
    const results = await Promise.all(
      options.checks.map(async (c): Promise<[string, Status]> => {
        try {
          await withTimeout(Promise.resolve().then(() => c.check()), timeoutMs);
          return [c.name, 'up'];
        } catch (error) {
          options.logger?.warn({ event: 'health.check_failed', check: c.name, error: error instanceof Error ? error.name : typeof error }, 'health');
          return [c.name, 'down'];
        }
      }),
    );
    return Object.fromEntries(results);
  };

  return (app: FastifyInstance): void => {
    app.get('/health/live', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok' };
    });
    app.get('/health/ready', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      if (options.draining?.()) return reply.code(503).send({ status: 'unavailable', reason: 'SHUTTING_DOWN', checks: {} });
      running ??= runChecks().finally(() => (running = undefined));
      const checks = await running;
      const failing = Object.keys(checks).filter((name) => checks[name] === 'down');
      const critical = options.checks.some((c) => c.critical !== false && checks[c.name] === 'down');
      const unavailable = critical || (failing.length > 0 && failing.length === options.checks.length);
      const status = unavailable ? 'unavailable' : failing.length ? 'degraded' : 'ok';
      return reply.code(unavailable ? 503 : 200).send({ status, checks, ...(failing.length ? { failing } : {}) });
    });
  };
}
