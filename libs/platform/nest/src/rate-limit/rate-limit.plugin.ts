import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { FragmentDefinitionNode } from 'graphql';
import { Kind } from 'graphql';
import { CLOCK, Clock, ErrorCode } from '@alternance/platform/domain';
import { APP_CONFIG, AppConfig, RateLimitConfig } from '../config/app-config';
import { RequestContext } from '../auth/policy';
import { EdgeRefusal } from '../security/edge-refusal';
import { RATE_LIMIT_STORE, RateLimitCharge, RateLimitDecision, RateLimitStore, RateLimitStoreUnavailable } from './rate-limit.store';
import { argumentValue, rootFields } from './root-fields';

/** Mutations that open a session or create an account: the targets of guessing and sign-up floods. */
export const AUTH_MUTATIONS: ReadonlySet<string> = new Set(['logIn', 'signUp']);

/**
 * Mutations refused while the shared rate-limit store is unreachable (fail closed): sign-in,
 * sign-up and the other mutation that checks a password (`deleteMyAccount`), which an
 * uncounted caller could use to guess. Every other operation goes on uncounted (fail open).
 */
export const FAIL_CLOSED_MUTATIONS: ReadonlySet<string> = new Set([...AUTH_MUTATIONS, 'deleteMyAccount']);

/** Seconds a client refused for want of the store is asked to wait: Redis is retried every second. */
export const STORE_UNAVAILABLE_RETRY_SECONDS = 5;

interface CallerRequest {
  ip?: string;
  socket?: { remoteAddress?: string };
}

/** The caller's address as the HTTP server sees it: X-Forwarded-For is believed only through TRUST_PROXY. */
export function callerAddress(req: unknown): string {
  const r = (req ?? {}) as CallerRequest;
  return r.ip ?? r.socket?.remoteAddress ?? 'unknown';
}

/** Emails are keyed by digest: the counts in memory name no one. */
function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 22);
}

/** What one operation costs, per budget: each root mutation field (each alias) is one unit. */
export function chargesFor(fieldNames: string[], emails: string[], ip: string, userId: string | null, budgets: RateLimitConfig): RateLimitCharge[] {
  const auth = fieldNames.filter((name) => AUTH_MUTATIONS.has(name)).length;
  const writes = fieldNames.length - auth;
  const charges: RateLimitCharge[] = [];
  if (auth) charges.push({ key: `auth:ip:${ip}`, cost: auth, limit: budgets.authPerIp });
  for (const email of emails) charges.push({ key: `login:account:${accountKey(email)}`, cost: 1, limit: budgets.logInPerAccount });
  if (writes) {
    charges.push({ key: `write:ip:${ip}`, cost: writes, limit: budgets.writesPerIp });
    if (userId) charges.push({ key: `write:account:${userId}`, cost: writes, limit: budgets.writesPerAccount });
  }
  return charges;
}

/**
 * Rate limits on mutations, decided once the operation is parsed and validated and before any
 * resolver runs: an operation over a budget is refused whole with RATE_LIMITED, HTTP 429, a
 * Retry-After header and `extensions.retryAfterSeconds`. Queries are not counted here (their
 * size is bounded by the document limits).
 *
 * When the store cannot be reached (REDIS_URL set and Redis down or too slow), sign-in, sign-up
 * and password checks are refused with SERVICE_UNAVAILABLE, reason RATE_LIMIT_UNAVAILABLE,
 * HTTP 503 and Retry-After (fail closed: guessing must not go uncounted); every other mutation
 * runs uncounted (fail open). Queries never depend on the store.
 */
@Injectable()
export class RateLimitPlugin implements ApolloServerPlugin<RequestContext> {
  private readonly budgets: RateLimitConfig;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
  ) {
    this.budgets = config.rateLimit;
  }

  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext> | void> {
    if (!this.budgets.enabled) return;
    return {
      didResolveOperation: async ({ operation, document, request, contextValue }) => {
        if (operation?.operation !== 'mutation') return;
        const fragments: Record<string, FragmentDefinitionNode> = {};
        for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
        const fields = rootFields(operation, fragments);
        const emails = fields
          .filter((f) => f.name.value === 'logIn')
          .map((f) => (argumentValue(f, 'input', request.variables) as { email?: unknown } | undefined)?.email)
          .filter((email): email is string => typeof email === 'string');
        const charges = chargesFor(
          fields.map((f) => f.name.value),
          emails,
          callerAddress(contextValue.req),
          contextValue.viewer?.userId ?? null,
          this.budgets,
        );
        if (!charges.length) return;
        let decision: RateLimitDecision;
        try {
          decision = await this.store.charge(charges, this.budgets.windowSeconds * 1000, this.clock.now().getTime());
        } catch (error) {
          if (!(error instanceof RateLimitStoreUnavailable)) throw error;
          if (!fields.some((f) => FAIL_CLOSED_MUTATIONS.has(f.name.value))) return;
          throw new EdgeRefusal(
            ErrorCode.SERVICE_UNAVAILABLE,
            `Signing in is unavailable for a moment: try again in ${STORE_UNAVAILABLE_RETRY_SECONDS} s.`,
            { reason: 'RATE_LIMIT_UNAVAILABLE', retryAfterSeconds: STORE_UNAVAILABLE_RETRY_SECONDS },
            { status: 503, headers: [['retry-after', String(STORE_UNAVAILABLE_RETRY_SECONDS)]] },
          );
        }
        if (decision.allowed) return;
        const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
        throw new EdgeRefusal(
          ErrorCode.RATE_LIMITED,
          `Too many requests: try again in ${retryAfterSeconds} s.`,
          { retryAfterSeconds },
          { status: 429, headers: [['retry-after', String(retryAfterSeconds)]] },
        );
      },
    };
  }
}
