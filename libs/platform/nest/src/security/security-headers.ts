import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import helmet from 'helmet';

/**
 * The Content-Security-Policy every response carries. The playground at GET /graphql loads
 * its scripts, styles and Monaco's web workers from this server only (the bundle under
 * /playground/assets; its saved operations are a JSON data block, which CSP does not execute),
 * so scripts need no 'unsafe-inline', no nonce and no eval. Styles allow 'unsafe-inline'
 * because GraphiQL 5's editor, Monaco, writes its theme and layout into <style> elements and
 * style attributes at run time (e2e/hardening/playground-csp checks the page, its workers and
 * the sign-in panel for violations). No upgrade-insecure-requests:
 * the API also serves plain HTTP on loopback, where the browser would then ask for https assets.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The headers helmet sets with its defaults (nosniff, frame denial, no referrer leak, HSTS for
 * HTTPS clients…) plus the policy above. helmet's answer depends on nothing in the request, so
 * it is worked out once and the same headers go on every response.
 */
export function securityHeaderValues(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  let finished = false;
  helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } })(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error;
      finished = true;
    },
  );
  if (!finished) throw new Error('helmet did not finish synchronously');
  return headers;
}

/** The `onRequest` hook putting the security headers on every response (API, playground, probes, errors). */
export function securityHeaders() {
  const values = securityHeaderValues();
  return (_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    reply.headers(values);
    done();
  };
}
