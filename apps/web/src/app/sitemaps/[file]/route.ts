import { publicOrigin } from '../../../lib/site';
import { OFFERS_PER_SITEMAP, fixedAndPrograms, offersFrom, sitemapCount, urlset } from '../../../lib/sitemap';

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const match = /^(\d{1,4})\.xml$/.exec((await params).file);
  const n = match ? Number(match[1]) : -1;
  if (n < 0 || n >= (await sitemapCount())) return new Response('Not found', { status: 404 });
  const entries = n === 0 ? await fixedAndPrograms() : await offersFrom((n - 1) * OFFERS_PER_SITEMAP);
  return new Response(urlset(await publicOrigin(), entries), { headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
}
