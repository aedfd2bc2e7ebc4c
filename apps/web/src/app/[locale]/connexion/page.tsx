import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LogInForm } from '../../../components/auth-forms';
import { localePath } from '../../../i18n/locales';
import { messages } from '../../../i18n/messages';
import { safeReturnPath } from '../../../lib/forms';
import { param, routeLocale, type SearchParams } from '../../../lib/page';
import { currentViewer } from '../../../lib/session';
import { authLabels } from '../../../lib/labels';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: messages(locale === 'en' ? 'en' : 'fr').auth.logInTitle, robots: { index: false } };
}

export default async function LogInPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }) {
  const { locale, t } = await routeLocale(params);
  const next = safeReturnPath(param((await searchParams).suite)) ?? '';
  if (await currentViewer()) redirect(next || localePath(locale, '/espace'));
  return (
    <div className="narrow">
      <h1>{t.auth.logInTitle}</h1>
      <LogInForm locale={locale} t={authLabels(t.auth)} next={next} />
      <p>
        {t.auth.noAccount}{' '}
        <Link href={`${localePath(locale, '/inscription')}${next ? `?suite=${encodeURIComponent(next)}` : ''}`}>{t.auth.signUpTitle}</Link>
      </p>
    </div>
  );
}
