import type { MetadataRoute } from 'next';
import { publicOrigin } from '../lib/site';

export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await publicOrigin();
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/espace', '/en/espace', '/connexion', '/en/connexion', '/graphql', '/*/postuler'] },
    sitemap: `${origin}/sitemap.xml`,
  };
}
