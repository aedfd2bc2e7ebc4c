import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignUpForm } from '../../../components/auth-forms';
import { localePath } from '../../../i18n/locales';
import { messages } from '../../../i18n/messages';
import { safeReturnPath } from '../../../lib/forms';
import { param, routeLocale, type SearchParams } from '../../../lib/page';
import { currentViewer } from '../../../lib/session';
import { authLabels } from '../../../lib/labels';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: messages(locale === 'en' ? 'en' : 'fr').auth.signUpTitle };
}

export default async function SignUpPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }) {
  const { locale, t } = await routeLocale(params);
  const query = await searchParams;
  const next = safeReturnPath(param(query.suite)) ?? '';
  if (await currentViewer()) redirect(next || localePath(locale, '/espace'));
  return (
    <div className="narrow">
      <h1>{t.auth.signUpTitle}</h1>
      <SignUpForm locale={locale} t={authLabels(t.auth)} next={next} role={param(query.role) === 'employeur' ? 'EMPLOYER' : 'CANDIDATE'} />
      <p>
        {t.auth.haveAccount}{' '}
        <Link href={`${localePath(locale, '/connexion')}${next ? `?suite=${encodeURIComponent(next)}` : ''}`}>{t.auth.logInTitle}</Link>
      </p>
    </div>
  );
}
