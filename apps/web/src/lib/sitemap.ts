import 'server-only';
import { call } from './api';
import { offerPath } from './offer-search';
import type { ResultOf } from './graphql';
import { SitemapOffersQuery, SitemapProgramsQuery } from './operations/sitemap';

/**
 * Search engines read at most 50,000 URLs a sitemap: an offers sitemap holds 25,000 offers and
 * at most as many employers.
 */
export const OFFERS_PER_SITEMAP = 25_000;

export interface SitemapEntry {
  path: string;
  lastModified?: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One `<url>` per page, with its English twin as an alternate. */
export function urlset(origin: string, entries: readonly SitemapEntry[]): string {
  const urls = entries.map((e) => {
    const fr = `${origin}${e.path}`;
    const en = `${origin}${e.path === '/' ? '/en' : `/en${e.path}`}`;
    return `<url><loc>${escapeXml(fr)}</loc>${e.lastModified ? `<lastmod>${escapeXml(e.lastModified)}</lastmod>` : ''}<xhtml:link rel="alternate" hreflang="fr" href="${escapeXml(fr)}"/><xhtml:link rel="alternate" hreflang="en" href="${escapeXml(en)}"/></url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

export function sitemapIndex(origin: string, count: number): string {
  const maps = Array.from({ length: count }, (_, i) => `<sitemap><loc>${escapeXml(`${origin}/sitemaps/${i}.xml`)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${maps.join('\n')}\n</sitemapindex>\n`;
}

/** Sitemap 0 holds the fixed pages and the training paths; the next ones the offers and their employers. */
export async function sitemapCount(): Promise<number> {
  const { searchOffers } = await call(SitemapOffersQuery, { after: null });
  return 1 + Math.ceil(searchOffers.totalCount / OFFERS_PER_SITEMAP);
}

export async function fixedAndPrograms(): Promise<SitemapEntry[]> {
  const entries: SitemapEntry[] = [{ path: '/' }, { path: '/offres' }];
  let after: string | null = null;
  for (;;) {
    const page: ResultOf<typeof SitemapProgramsQuery> = await call(SitemapProgramsQuery, { after });
    for (const edge of page.programs.edges) entries.push({ path: `/formations/${edge.node.id}` });
    if (!page.programs.pageInfo.hasNextPage || !page.programs.pageInfo.endCursor) return entries;
    after = page.programs.pageInfo.endCursor;
  }
}

/** Offers `[first, first + OFFERS_PER_SITEMAP)` in publication order, and the employers among them. */
export async function offersFrom(first: number): Promise<SitemapEntry[]> {
  const offers: SitemapEntry[] = [];
  const employers = new Set<string>();
  let seen = 0;
  let after: string | null = null;
  while (seen < first + OFFERS_PER_SITEMAP) {
    const { searchOffers }: ResultOf<typeof SitemapOffersQuery> = await call(SitemapOffersQuery, { after });
    for (const edge of searchOffers.edges) {
      if (seen >= first && seen < first + OFFERS_PER_SITEMAP) {
        offers.push({ path: offerPath(edge.node), lastModified: edge.node.updatedAt });
        employers.add(edge.node.organization.id);
      }
      seen++;
    }
    if (!searchOffers.pageInfo.hasNextPage || !searchOffers.pageInfo.endCursor) break;
    after = searchOffers.pageInfo.endCursor;
  }
  return [...offers, ...[...employers].map((id) => ({ path: `/employeurs/${id}` }))];
}
