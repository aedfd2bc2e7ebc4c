import 'server-only';
import { print } from 'graphql';
import type { TadaDocumentNode } from 'gql.tada';
import { headers } from 'next/headers';

/** The API's GraphQL endpoint, as the web server reaches it (never the browser). */
export function apiUrl(): string {
  return process.env.API_URL ?? 'http://127.0.0.1:3100/graphql';
}

/** An answer from the API with an error code (`BAD_USER_INPUT`, `FORBIDDEN`, …). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string | undefined,
    readonly fields: readonly string[],
    readonly reason: string | undefined,
    readonly extensions: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The API did not answer (down, refused, timed out): pages answer 503. */
export class ApiUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The API did not answer', { cause });
    this.name = 'ApiUnavailableError';
  }
}

interface GraphQLErrorShape {
  message: string;
  extensions?: Record<string, unknown>;
}

const printed = new WeakMap<object, string>();
function source(document: object): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document as Parameters<typeof print>[0]);
    printed.set(document, text);
  }
  return text;
}

export interface CallOptions {
  /** The session's API token, sent as `Authorization: Bearer`. */
  token?: string | null;
  /** Milliseconds before the call is abandoned as unavailable. */
  timeoutMs?: number;
}

/**
 * Sends one operation to the API. The visitor's address goes along as `X-Forwarded-For` (the
 * API trusts it from loopback only), so the API's rate limits count people, not this server.
 */
export async function call<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  options: CallOptions = {},
): Promise<Result> {
  const requestHeaders = await headers();
  const forwardedFor = requestHeaders.get('x-forwarded-for');
  const outgoing: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  if (forwardedFor) outgoing['x-forwarded-for'] = forwardedFor;
  const requestId = requestHeaders.get('x-request-id');
  if (requestId) outgoing['x-request-id'] = requestId;
  if (options.token) outgoing.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(apiUrl(), {
      method: 'POST',
      headers: outgoing,
      body: JSON.stringify({ query: source(document), variables }),
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new ApiUnavailableError(error);
  }
  if (response.status >= 500 && response.status !== 503) throw new ApiUnavailableError(`HTTP ${response.status}`);
  let body: { data?: Result | null; errors?: GraphQLErrorShape[] };
  try {
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw new ApiUnavailableError(error);
  }
  const first = body.errors?.[0];
  if (first) {
    const ext = first.extensions ?? {};
    const code = typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR';
    if (code === 'SERVICE_UNAVAILABLE' || code === 'INTERNAL_SERVER_ERROR') throw new ApiUnavailableError(first.message);
    throw new ApiError(
      code,
      first.message,
      typeof ext.field === 'string' ? ext.field : undefined,
      Array.isArray(ext.fields) ? ext.fields.filter((f): f is string => typeof f === 'string') : [],
      typeof ext.reason === 'string' ? ext.reason : undefined,
      ext,
    );
  }
  if (!body.data) throw new ApiUnavailableError('empty answer');
  return body.data;
}
