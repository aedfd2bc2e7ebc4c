import { GraphQLError } from 'graphql';
import { ForwardingDataSource, SubgraphRefusal, SubgraphUnavailable, formatGatewayError, rateLimitStatusPlugin, subgraphHealthUrls } from './gateway';
import { GatewayConfig } from './gateway-config';

describe('formatGatewayError', () => {
  it('passes a subgraph’s error on as the subgraph formatted it, without the service’s name', () => {
    const formatted = { message: 'Already applied to this offer.', path: ['applyToOffer'], extensions: { code: 'CONFLICT', reason: 'ALREADY_APPLIED', serviceName: 'job-board' } };
    expect(formatGatewayError(formatted, new GraphQLError(formatted.message))).toEqual({
      message: 'Already applied to this offer.',
      path: ['applyToOffer'],
      extensions: { code: 'CONFLICT', reason: 'ALREADY_APPLIED' },
    });
  });

  it('passes on a refusal a subgraph answered with an HTTP error status (rate limits, document limits)', () => {
    const refusal = new SubgraphRefusal({ message: 'Too many sign-in attempts; retry in 42 s.', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 42 } });
    expect(formatGatewayError({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, refusal)).toEqual({
      message: 'Too many sign-in attempts; retry in 42 s.',
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 42 },
    });
    const inEntityFetch = new SubgraphRefusal({ message: 'Too complex.', path: ['_entities', 0, 'applicationsCount'], extensions: { code: 'QUERY_TOO_COMPLEX' } });
    expect(formatGatewayError({ message: 'x' }, inEntityFetch)).toEqual({ message: 'Too complex.', extensions: { code: 'QUERY_TOO_COMPLEX' } });
  });

  it('answers SERVICE_UNAVAILABLE, naming no service or address, when a subgraph did not answer', () => {
    const down = formatGatewayError({ message: 'fetch failed', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new SubgraphUnavailable('matcher', 'ECONNREFUSED'));
    expect(down).toEqual({ message: expect.any(String), extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(JSON.stringify(down)).not.toMatch(/matcher|ECONNREFUSED/);
    const broken = formatGatewayError({ message: 'boom', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'matcher' } }, new GraphQLError('boom'));
    expect(broken.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('formats the gateway’s own errors as the API does: stable codes, internals hidden', () => {
    expect(formatGatewayError({ message: 'Cannot query field "nope" on type "Offer".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError('x')).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(formatGatewayError({ message: 'secret detail', extensions: { code: 'SOMETHING_ELSE' } }, new Error('secret detail'))).toEqual({ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

describe('subgraphHealthUrls', () => {
  const supergraphSdl = `enum join__Graph {
  JOB_BOARD @join__graph(name: "job-board", url: "http://127.0.0.1:4001/graphql")
  MATCHER @join__graph(name: "matcher", url: "http://127.0.0.1:4003/graphql")
}`;

  it('probes each subgraph the supergraph names, where the environment moved it', () => {
    const config = { supergraphSdl, subgraphUrls: { matcher: 'http://matcher:4003/graphql' } } as unknown as GatewayConfig;
    expect(subgraphHealthUrls(config)).toEqual([
      { name: 'job-board', url: 'http://127.0.0.1:4001/health/ready' },
      { name: 'matcher', url: 'http://matcher:4003/health/ready' },
    ]);
  });
});

describe('ForwardingDataSource', () => {
  const warnings: unknown[] = [];
  const logger = { log: () => undefined, error: () => undefined, warn: (m: unknown) => warnings.push(m) };
  const source = (fetch: () => Promise<Response>) => new ForwardingDataSource('matcher', 'http://matcher:4003/graphql', fetch, logger);

  it('passes on a GraphQL refusal answered with an HTTP error status', async () => {
    const res = new Response(JSON.stringify({ errors: [{ message: 'Slow down.', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 3 } }] }), { status: 429, headers: { 'content-type': 'application/json' } });
    const error = await source(async () => res).errorFromResponse(res as never);
    expect(error).toBeInstanceOf(SubgraphRefusal);
    expect(formatGatewayError({ message: 'x' }, error)).toEqual({ message: 'Slow down.', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 3 } });
  });

  it('turns any other error status, and a failed connection, into SERVICE_UNAVAILABLE, logged with the subgraph’s name', async () => {
    warnings.length = 0;
    const res = new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } });
    const error = await source(async () => res).errorFromResponse(res as never);
    expect(error).toBeInstanceOf(SubgraphUnavailable);
    expect(formatGatewayError({ message: 'x' }, error).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    const refused = source(async () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })));
    await expect((refused as unknown as { fetcher: (url: string, init: object) => Promise<unknown> }).fetcher('http://matcher:4003/graphql', {})).rejects.toBeInstanceOf(SubgraphUnavailable);
    expect(warnings).toEqual([
      { event: 'subgraph.unavailable', subgraph: 'matcher', cause: 'HTTP 502' },
      { event: 'subgraph.unavailable', subgraph: 'matcher', cause: 'ECONNREFUSED' },
    ]);
  });
});

describe('rateLimitStatusPlugin', () => {
  async function statusFor(errors: { message: string; extensions: Record<string, unknown> }[]): Promise<{ status?: number; retryAfter?: string }> {
    const listener = (await rateLimitStatusPlugin().requestDidStart!({} as never)) as { willSendResponse(context: unknown): Promise<void> };
    const headers = new Map<string, string>();
    const response = { body: { kind: 'single', singleResult: { data: null, errors } }, http: { status: undefined as number | undefined, headers } };
    await listener.willSendResponse({ response });
    return { status: response.http.status, retryAfter: headers.get('retry-after') };
  }

  it('answers 429 for a refused budget and 503 for a sign-in refused while the shared store is down, each with Retry-After', async () => {
    expect(await statusFor([{ message: 'Slow down.', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 7 } }])).toEqual({ status: 429, retryAfter: '7' });
    expect(await statusFor([{ message: 'Later.', extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'RATE_LIMIT_UNAVAILABLE', retryAfterSeconds: 5 } }])).toEqual({ status: 503, retryAfter: '5' });
    // A subgraph that did not answer leaves the status alone: the rest of the answer is good.
    expect(await statusFor([{ message: 'Part of the service is unavailable.', extensions: { code: 'SERVICE_UNAVAILABLE' } }])).toEqual({ status: undefined, retryAfter: undefined });
  });
});
