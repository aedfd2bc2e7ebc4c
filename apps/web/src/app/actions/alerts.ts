'use server';

import { isLocale, type Locale } from '../../i18n/locales';
import { messages } from '../../i18n/messages';
import { ApiError, call } from '../../lib/api';
import { text, type FormState } from '../../lib/forms';
import { parseSearch, queryRecord, searchInput } from '../../lib/offer-search';
import { SaveSearchMutation } from '../../lib/operations/alerts';
import { resolvePlace } from '../../lib/places';
import { sessionToken } from '../../lib/session';

/** Keeps the search of the page it was posted from (its query string) as a daily alert. */
export async function saveSearch(_previous: FormState, form: FormData): Promise<FormState> {
  const value = text(form, 'locale');
  const locale: Locale = isLocale(value) ? value : 'fr';
  const t = messages(locale);
  const name = text(form, 'name').slice(0, 100);
  const values = { name };
  if (!name) return { values, errors: { name: t.auth.errors.generic } };
  const token = await sessionToken();
  if (!token) return { values, errors: {}, message: t.search.saveAlertSignIn };
  const state = parseSearch(queryRecord(text(form, 'query')));
  const input = searchInput(state, await resolvePlace(state));
  try {
    await call(SaveSearchMutation, { input: { name, alert: true, search: { query: input.query, sort: input.sort, filters: input.filters } } }, { token });
  } catch (error) {
    if (error instanceof ApiError) return { values, errors: {}, message: error.code === 'UNAUTHENTICATED' ? t.search.saveAlertSignIn : error.message };
    throw error;
  }
  return { values, errors: {}, done: t.search.saveAlertDone };
}
