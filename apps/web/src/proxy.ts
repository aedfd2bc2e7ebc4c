import { NextResponse, type NextRequest } from 'next/server';
import { UNAVAILABLE } from './i18n/messages/unavailable';
import { offerPath } from './lib/offer-search';
import { isGone } from './lib/offer-status';

/** Paths that carry no language: the French pages live at the root, the English ones under /en. */
function localeOf(pathname: string): 'en' | 'fr' | null {
  if (pathname === '/en' || pathname.startsWith('/en/')) return 'en';
  if (pathname === '/fr' || pathname.startsWith('/fr/')) return 'fr';
  return null;
}

const apiOrigin = new URL(process.env.API_URL ?? 'http://127.0.0.1:3100/graphql').origin;
const OFFER_PAGE = /^\/(?:en\/)?offres\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:-[a-z0-9-]*)?$/i;

/**
 * Whether the API answers, asked at most once a second and shared by the requests of that
 * second: when it does not, pages answer 503 at once instead of each failing on its own. A
 * refused connection or an error status means down; a slow answer (a busy API) changes nothing
 * (the page's own calls have their time limit, and answer 503 if they pass it).
 */
let health: { ok: boolean; at: number; pending: Promise<boolean> | null } = { ok: true, at: 0, pending: null };
function apiAnswers(): Promise<boolean> {
  const now = Date.now();
  if (now - health.at < 1000) return Promise.resolve(health.ok);
  if (!health.pending) {
    health.pending = fetch(`${apiOrigin}/health/live`, { signal: AbortSignal.timeout(1500), cache: 'no-store' })
      .then((r) => r.ok)
      .catch((error: unknown) => (error instanceof Error && error.name === 'TimeoutError' ? health.ok : false))
      .then((ok) => {
        health = { ok, at: Date.now(), pending: null };
        return ok;
      });
  }
  return health.pending;
}

/**
 * What the proxy needs to know of an offer before its page renders: its title (for the one
 * canonical address with its slug) and whether it left the board (the page then answers 410).
 */
async function offerState(id: string): Promise<{ title: string; gone: boolean } | null> {
  try {
    const response = await fetch(`${apiOrigin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query OfferState($id: ID!) { offer(id: $id) { title status expiresAt } }', variables: { id } }),
      signal: AbortSignal.timeout(3000),
      cache: 'no-store',
    });
    const offer = ((await response.json()) as { data?: { offer?: { title: string; status: string; expiresAt: string | null } | null } }).data?.offer;
    if (!offer || offer.status === 'DRAFT') return null;
    return { title: offer.title, gone: isGone(offer) };
  } catch {
    return null;
  }
}

function unavailable(locale: 'fr' | 'en'): NextResponse {
  const t = UNAVAILABLE[locale];
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title><link rel="stylesheet" href="/unavailable.css"></head><body><main><h1>${t.title}</h1><p>${t.text}</p><p><a href="">${t.retry}</a></p></main></body></html>`;
  return new NextResponse(html, {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '10', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'" },
  });
}

/**
 * A rewrite keeps the page's own status, so the page of a gone offer is fetched here and sent
 * on as 410 (rare: only offers that left the board).
 */
async function gonePage(target: URL, requestHeaders: Headers, csp: string): Promise<NextResponse> {
  const page = await fetch(target, { headers: requestHeaders, redirect: 'manual', cache: 'no-store' });
  const headers = new Headers(page.headers);
  for (const name of ['content-encoding', 'content-length', 'transfer-encoding', 'connection']) headers.delete(name);
  headers.set('content-security-policy', csp);
  return new NextResponse(page.body, { status: page.status === 200 ? 410 : page.status, headers });
}

/** Marks a request this proxy already handled; unguessable, so a visitor cannot claim it. */
const INTERNAL_HEADER = 'x-alternance-proxied';
const INTERNAL_MARK = crypto.randomUUID();

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Every page gets a fresh nonce for its scripts (no 'unsafe-inline'), and French URLs without a
 * prefix are served by the `[locale]` routes as `fr`. `/fr/...` redirects to the plain URL so a
 * page has one address per language.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const locale = localeOf(pathname);
  // Next runs the proxy again on the path it rewrote to: that second pass keeps the first's
  // headers. (A server action's redirect also carries them, to an address not yet rewritten.)
  if (locale !== null && request.headers.get(INTERNAL_HEADER) === INTERNAL_MARK) return NextResponse.next();
  // Link prefetches only need their language: no nonce, no offer lookup, no liveness check.
  if (request.headers.has('next-router-prefetch') || request.headers.get('purpose') === 'prefetch') {
    if (locale === 'en') return NextResponse.next();
    const marked = new Headers(request.headers);
    marked.set(INTERNAL_HEADER, INTERNAL_MARK);
    return NextResponse.rewrite(new URL(`/fr${pathname === '/' ? '' : pathname}${search}`, request.url), { request: { headers: marked } });
  }
  if (locale === 'fr') {
    const url = request.nextUrl.clone();
    url.pathname = pathname.slice(3) || '/';
    return NextResponse.redirect(url, 308);
  }
  if (!(await apiAnswers())) return unavailable(locale ?? 'fr');
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set(INTERNAL_HEADER, INTERNAL_MARK);
  requestHeaders.set('content-security-policy', csp);
  // The address as the visitor typed it, for the language switch and canonical links.
  requestHeaders.set('x-public-path', `${pathname}${search}`);
  const target = new URL(locale === 'en' ? `${pathname}${search}` : `/fr${pathname === '/' ? '' : pathname}${search}`, request.url);
  const offerMatch = OFFER_PAGE.exec(pathname);
  if (offerMatch) {
    const id = offerMatch[1]!.toLowerCase();
    const offer = await offerState(id);
    if (offer) {
      const canonical = `${locale === 'en' ? '/en' : ''}${offerPath({ id, title: offer.title })}`;
      if (canonical !== pathname) {
        const url = request.nextUrl.clone();
        url.pathname = canonical;
        return NextResponse.redirect(url, 308);
      }
      if (offer.gone) return gonePage(target, requestHeaders, csp);
    }
  }
  const init = { request: { headers: requestHeaders } };
  const response = locale === 'en' ? NextResponse.next(init) : NextResponse.rewrite(target, init);
  response.headers.set('content-security-policy', csp);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  return response;
}

export const config = {
  matcher: [
    { source: '/((?!_next/|graphql|playground/|health/|api/|favicon.ico|icon.svg|unavailable.css|robots.txt|sitemap).*)' },
  ],
};
