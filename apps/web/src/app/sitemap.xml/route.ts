import { publicOrigin } from '../../lib/site';
import { sitemapCount, sitemapIndex } from '../../lib/sitemap';

export async function GET(): Promise<Response> {
  const body = sitemapIndex(await publicOrigin(), await sitemapCount());
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
}
