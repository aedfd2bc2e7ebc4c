import { OperationDefinitionNode, parse } from 'graphql';
import { ErrorCode, ManualClock } from '@alternance/platform/domain';
import { loadConfig } from '../config/app-config';
import { EdgeRefusal } from '../security/edge-refusal';
import { RateLimitPlugin } from './rate-limit.plugin';
import { RateLimitCharge, RateLimitDecision, RateLimitStore, RateLimitStoreUnavailable } from './rate-limit.store';

/** A store that is down (Redis unreachable), or that refuses everything. */
class StubStore implements RateLimitStore {
  readonly calls: RateLimitCharge[][] = [];
  constructor(private readonly answer: 'down' | 'refuse' | 'broken') {}
  async charge(charges: RateLimitCharge[]): Promise<RateLimitDecision> {
    this.calls.push(charges);
    if (this.answer === 'down') throw new RateLimitStoreUnavailable('ECONNREFUSED');
    if (this.answer === 'broken') throw new TypeError('a bug');
    return { allowed: false, retryAfterMs: 12_000, exceeded: charges[0].key };
  }
}

async function decide(store: RateLimitStore, query: string, variables: Record<string, unknown> = {}): Promise<unknown> {
  const plugin = new RateLimitPlugin(loadConfig({ NODE_ENV: 'test' }), new ManualClock(new Date('2026-11-23T09:00:00Z')), store);
  const listener = (await plugin.requestDidStart()) as { didResolveOperation(context: unknown): Promise<void> };
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  try {
    await listener.didResolveOperation({ operation, document, request: { variables }, contextValue: { viewer: null, req: { ip: '192.0.2.1' } } });
    return 'granted';
  } catch (error) {
    return error;
  }
}

describe('RateLimitPlugin when the store cannot be reached', () => {
  it('refuses sign-in, sign-up and password checks (fail closed) with SERVICE_UNAVAILABLE, RATE_LIMIT_UNAVAILABLE, 503 and Retry-After', async () => {
    for (const query of [
      `mutation { logIn(input: { email: "a@example.test", password: "x" }) { accessToken } }`,
      `mutation { signUp(input: { email: "a@example.test", password: "x", role: CANDIDATE, displayName: "A" }) { accessToken } }`,
      `mutation { deleteMyAccount(password: "x") }`,
      `mutation { upsertMyCandidateProfile(input: {}) { id } logIn(input: { email: "a@example.test", password: "x" }) { accessToken } }`,
    ]) {
      const refusal = await decide(new StubStore('down'), query);
      expect(refusal).toBeInstanceOf(EdgeRefusal);
      const r = refusal as EdgeRefusal;
      expect(r.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
      expect(r.details).toEqual({ reason: 'RATE_LIMIT_UNAVAILABLE', retryAfterSeconds: 5 });
      const http = r.extensions.http as { status: number; headers: Map<string, string> };
      expect(http.status).toBe(503);
      expect(http.headers.get('retry-after')).toBe('5');
    }
  });

  it('lets other mutations through uncounted (fail open), and never asks the store about queries', async () => {
    const store = new StubStore('down');
    expect(await decide(store, `mutation { upsertMyCandidateProfile(input: {}) { id } }`)).toBe('granted');
    expect(store.calls).toHaveLength(1);
    expect(await decide(store, `{ programs(first: 1) { totalCount } }`)).toBe('granted');
    expect(store.calls).toHaveLength(1);
  });

  it('still answers RATE_LIMITED when the store refuses, and lets a programming error through as one', async () => {
    const refused = (await decide(new StubStore('refuse'), `mutation { logIn(input: { email: "a@example.test", password: "x" }) { accessToken } }`)) as EdgeRefusal;
    expect(refused.code).toBe(ErrorCode.RATE_LIMITED);
    expect(refused.details).toEqual({ retryAfterSeconds: 12 });
    expect(await decide(new StubStore('broken'), `mutation { upsertMyCandidateProfile(input: {}) { id } }`)).toBeInstanceOf(TypeError);
  });
});
