import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '../../components/site-footer';
import { SiteHeader } from '../../components/site-header';
import { routeLocale } from '../../lib/page';
import { publicOrigin } from '../../lib/site';
import '../globals.css';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await routeLocale(params);
  return {
    metadataBase: new URL(await publicOrigin()),
    title: { default: t.meta.homeTitle, template: `%s · ${t.meta.siteName}` },
    description: t.meta.homeDescription,
    openGraph: { siteName: t.meta.siteName, type: 'website' },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#143a5a' };

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale, t } = await routeLocale(params);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t.layout.skipLink}
        </a>
        <SiteHeader locale={locale} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter locale={locale} />
      </body>
    </html>
  );
}
