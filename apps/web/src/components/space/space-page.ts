import 'server-only';
import { redirect } from 'next/navigation';
import { localePath, type Locale } from '../../i18n/locales';
import type { Messages } from '../../i18n/messages';
import { spaceMessages, type SpaceMessages } from '../../i18n/space-messages';
import { routeLocale } from '../../lib/page';
import { currentViewer, type Viewer } from '../../lib/session';

export interface SpacePage {
  locale: Locale;
  t: Messages;
  s: SpaceMessages;
  viewer: Viewer;
}

/** Where a signed-out visitor of a space page goes: the log-in page, then back here. */
export function logInPath(locale: Locale, path: string): string {
  return localePath(locale, `/connexion?suite=${encodeURIComponent(localePath(locale, path))}`);
}

/** A page of the space for any signed-in account; `path` is the page's French path. */
export async function spacePage(params: Promise<{ locale: string }>, path: string): Promise<SpacePage> {
  const { locale, t } = await routeLocale(params);
  const viewer = await currentViewer();
  if (!viewer) redirect(logInPath(locale, path));
  return { locale, t, s: spaceMessages(locale), viewer };
}

/** A page only candidates have: other accounts land on the space's home, which speaks to them. */
export async function candidatePage(params: Promise<{ locale: string }>, path: string): Promise<SpacePage> {
  const page = await spacePage(params, path);
  if (page.viewer.role !== 'CANDIDATE') redirect(localePath(page.locale, '/espace'));
  return page;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
