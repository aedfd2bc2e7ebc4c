import type { Metadata } from 'next';
import Link from 'next/link';
import { isLocale, localePath } from '../../../../i18n/locales';
import { spaceMessages } from '../../../../i18n/space-messages';
import { routeLocale } from '../../../../lib/page';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: spaceMessages(isLocale(locale) ? locale : 'fr').data.deletedTitle, robots: { index: false } };
}

/** Where deleting an account lands: the session is over, so this page needs none. */
export default async function AccountDeletedPage({ params }: { params: Params }) {
  const { locale } = await routeLocale(params);
  const d = spaceMessages(locale).data;
  return (
    <div className="narrow">
      <h1>{d.deletedTitle}</h1>
      <p role="status">{d.deleted}</p>
      <p>
        <Link href={localePath(locale, '/')}>{d.backHome}</Link>
      </p>
    </div>
  );
}
