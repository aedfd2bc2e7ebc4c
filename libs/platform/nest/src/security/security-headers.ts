import helmet from 'helmet';

/**
 * The Content-Security-Policy every response carries. The playground at GET /graphql loads
 * its scripts and styles from this server only (GraphiQL, React and its start-up script are
 * files under /playground/assets, and its example operations are a JSON data block, which CSP
 * does not execute), so scripts need no 'unsafe-inline', no nonce and no eval. Styles allow
 * 'unsafe-inline' for one reason: the playground page's own inline <style> block (GraphiQL
 * itself needs none: e2e/hardening/playground-csp checks the page for violations). Moved into
 * a stylesheet, that block would let style-src be 'self' alone. No upgrade-insecure-requests:
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

/** helmet's defaults (nosniff, frame denial, no referrer leak, HSTS for HTTPS clients…) plus the policy above. */
export function securityHeaders() {
  return helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } });
}
