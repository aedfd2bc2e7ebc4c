import Link from 'next/link';
import { headers } from 'next/headers';
import { localePath } from '../../i18n/locales';
import { messages } from '../../i18n/messages';

export default async function NotFound() {
  const path = (await headers()).get('x-public-path') ?? '/';
  const locale = path === '/en' || path.startsWith('/en/') || path.startsWith('/en?') ? 'en' : 'fr';
  const t = messages(locale);
  return (
    <div className="narrow">
      <h1>{t.errors.notFoundTitle}</h1>
      <p>{t.errors.notFound}</p>
      <p>
        <Link href={localePath(locale, '/')}>{t.errors.backHome}</Link>
      </p>
    </div>
  );
}
