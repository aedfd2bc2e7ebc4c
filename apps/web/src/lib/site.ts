import 'server-only';
import { headers } from 'next/headers';

/**
 * The site's public origin, for canonical links, Open Graph, the sitemap and JSON-LD:
 * `PUBLIC_URL` when set (production), otherwise the host this request came to.
 */
export async function publicOrigin(): Promise<string> {
  if (process.env.PUBLIC_URL) return new URL(process.env.PUBLIC_URL).origin;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? '127.0.0.1:3000';
  const proto = (h.get('x-forwarded-proto') ?? 'http').split(',')[0]!.trim();
  return `${proto}://${host}`;
}

/** The page's public path and query, as the visitor asked for it (set by the proxy). */
export async function publicPath(): Promise<string> {
  return (await headers()).get('x-public-path') ?? '/';
}
