import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { ApiError } from '../../lib/api';
import { localePath, type Locale } from '../../i18n/locales';
import type { Messages } from '../../i18n/messages';
import { employerMessages, type EmployerMessages } from '../../i18n/employer-messages';
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

export interface EmployerPage extends SpacePage {
  e: EmployerMessages;
  organizationId: string;
}

/** A page only employers have (with their organization); other accounts land on the space's home. */
export async function employerPage(params: Promise<{ locale: string }>, path: string): Promise<EmployerPage> {
  const page = await spacePage(params, path);
  const organizationId = page.viewer.organization?.id;
  if (page.viewer.role !== 'EMPLOYER' || !organizationId) redirect(localePath(page.locale, '/espace'));
  return { ...page, e: employerMessages(page.locale), organizationId };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An API call for a page about one resource of the employer's organization: a refusal (another
 * organization's offer, application or candidate) is a 404, like an unknown id, so a changed
 * id in the address learns nothing.
 */
export async function ownedOrNotFound<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) notFound();
    throw error;
  }
}
