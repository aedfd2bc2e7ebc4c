import { NextResponse, type NextRequest } from 'next/server';

/** Paths that carry no language: the French pages live at the root, the English ones under /en. */
function localeOf(pathname: string): 'en' | 'fr' | null {
  if (pathname === '/en' || pathname.startsWith('/en/')) return 'en';
  if (pathname === '/fr' || pathname.startsWith('/fr/')) return 'fr';
  return null;
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
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const locale = localeOf(pathname);
  // Next runs the proxy again on the path it rewrote to: that second pass keeps the first's headers.
  if (request.headers.get(INTERNAL_HEADER) === INTERNAL_MARK) return NextResponse.next();
  if (locale === 'fr') {
    const url = request.nextUrl.clone();
    url.pathname = pathname.slice(3) || '/';
    return NextResponse.redirect(url, 308);
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set(INTERNAL_HEADER, INTERNAL_MARK);
  requestHeaders.set('content-security-policy', csp);
  // The address as the visitor typed it, for the language switch and canonical links.
  requestHeaders.set('x-public-path', `${pathname}${search}`);
  const init = { request: { headers: requestHeaders } };
  const response =
    locale === 'en'
      ? NextResponse.next(init)
      : NextResponse.rewrite(new URL(`/fr${pathname === '/' ? '' : pathname}${search}`, request.url), init);
  response.headers.set('content-security-policy', csp);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/|graphql|playground/|health/|api/|favicon.ico|robots.txt|sitemap).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
