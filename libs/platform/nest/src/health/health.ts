import { Router } from 'express';
import type { LoggerService } from '@nestjs/common';

/** Something the API needs to serve requests: it resolves when reachable, rejects when not. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<unknown>;
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
 * GET /health/live: the process answers (no I/O). GET /health/ready: every check passes, else
 * 503 naming the failing ones. Public, outside GraphQL (so never rate-limited), and cheap:
 * concurrent readiness probes share one run of the checks. Failure details go to the log,
 * not to the caller.
 */
export function healthRoutes(options: HealthOptions): Router {
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

  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.set('Cache-Control', 'no-store').status(200).json({ status: 'ok' });
  });
  router.get('/health/ready', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    if (options.draining?.()) {
      res.status(503).json({ status: 'unavailable', reason: 'SHUTTING_DOWN', checks: {} });
      return;
    }
    running ??= runChecks().finally(() => (running = undefined));
    const checks = await running;
    const failing = Object.keys(checks).filter((name) => checks[name] === 'down');
    res.status(failing.length ? 503 : 200).json({ status: failing.length ? 'unavailable' : 'ok', checks, ...(failing.length ? { failing } : {}) });
  });
  return router;
}
