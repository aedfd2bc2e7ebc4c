import { redirect } from 'next/navigation';
import { isLocale, localePath } from '../../../../../i18n/locales';
import { ApiError, call } from '../../../../../lib/api';
import { ExportMyDataQuery } from '../../../../../lib/operations/space';
import { sessionToken } from '../../../../../lib/session';

const PERSONAL = { 'cache-control': 'private, no-store' };

/** Everything the API holds about the signed-in person, as a JSON file to keep. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale: value } = await params;
  const locale = isLocale(value) ? value : 'fr';
  const logIn = localePath(locale, `/connexion?suite=${encodeURIComponent(localePath(locale, '/espace/donnees'))}`);
  const token = await sessionToken();
  if (!token) redirect(logIn);
  let data: unknown;
  try {
    data = (await call(ExportMyDataQuery, {}, { token })).exportMyData;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') redirect(logIn);
    throw error;
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      ...PERSONAL,
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="alternance-data-${day}.json"`,
      'x-content-type-options': 'nosniff',
    },
  });
}
