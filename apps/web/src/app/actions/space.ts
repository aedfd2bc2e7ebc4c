'use server';

import { redirect } from 'next/navigation';
import { isLocale, localePath, type Locale } from '../../i18n/locales';
import { spaceMessages } from '../../i18n/space-messages';
import { ApiError, call } from '../../lib/api';
import { text, type FormState } from '../../lib/forms';
import { DeleteSavedSearchMutation } from '../../lib/operations/alerts';
import { MyProfileIdQuery, OfferMatchQuery } from '../../lib/operations/applying';
import {
  AcceptInvitationMutation,
  DeclineInvitationMutation,
  DeleteMyAccountMutation,
  MarkAllNotificationsReadMutation,
  MarkNotificationReadMutation,
  WithdrawApplicationMutation,
} from '../../lib/operations/space';
import { endSession, sessionToken } from '../../lib/session';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Paging cursors are opaque, but only ever made of these. */
const CURSOR = /^[A-Za-z0-9_=-]{1,200}$/;

function localeOf(form: FormData): Locale {
  const value = text(form, 'locale');
  return isLocale(value) ? value : 'fr';
}

function idOf(form: FormData): string | null {
  const id = text(form, 'id');
  return UUID.test(id) ? id : null;
}

function logIn(locale: Locale, path: string): never {
  redirect(localePath(locale, `/connexion?suite=${encodeURIComponent(localePath(locale, path))}`));
}

async function tokenFor(locale: Locale, path: string): Promise<string> {
  return (await sessionToken()) ?? logIn(locale, path);
}

/**
 * Runs a mutation for a plain form; a refusal that means "things changed" (already answered,
 * not yours, not allowed any more) lands back on the page, which shows where things stand.
 */
async function attempt(locale: Locale, path: string, run: (token: string) => Promise<unknown>): Promise<'done' | 'refused'> {
  const token = await tokenFor(locale, path);
  try {
    await run(token);
    return 'done';
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') logIn(locale, path);
    return 'refused';
  }
}

function back(locale: Locale, path: string, query: Record<string, string>): never {
  const search = new URLSearchParams(query).toString();
  redirect(`${localePath(locale, path)}${search ? `?${search}` : ''}`);
}

/** The same page of a paged list to come back to, with what just happened. */
function pageQuery(form: FormData, fait: string): Record<string, string> {
  const after = text(form, 'apres');
  return CURSOR.test(after) ? { apres: after, fait } : { fait };
}

export async function withdrawApplication(form: FormData): Promise<void> {
  const locale = localeOf(form);
  const id = idOf(form);
  if (!id) back(locale, '/espace/candidatures', {});
  const path = `/espace/candidatures/${id}`;
  const outcome = await attempt(locale, path, (token) => call(WithdrawApplicationMutation, { id }, { token }));
  back(locale, path, { fait: outcome === 'done' ? 'retiree' : 'change' });
}

export async function declineInvitation(form: FormData): Promise<void> {
  const locale = localeOf(form);
  const id = idOf(form);
  const path = '/espace/invitations';
  if (!id) back(locale, path, {});
  const outcome = await attempt(locale, path, (token) => call(DeclineInvitationMutation, { id }, { token }));
  back(locale, path, pageQuery(form, outcome === 'done' ? 'refusee' : 'change'));
}

/** Score components; any other reason of a match is a failed legal rule. */
const SCORE_COMPONENTS = new Set(['REQUIRED_SKILLS', 'NICE_TO_HAVE_SKILLS', 'OCCUPATION_FIT', 'PROGRAM_FIT', 'TRAINING_GAP', 'DISTANCE', 'START_DATE', 'REMOTE_PREFERENCE']);

/** The rules a candidate fails for an offer, in their language (empty when it cannot tell). */
async function failedRules(locale: Locale, token: string, offerId: string): Promise<string> {
  if (!UUID.test(offerId)) return '';
  const { myCandidateProfile } = await call(MyProfileIdQuery, {}, { token });
  if (!myCandidateProfile) return '';
  const { matchOfferForCandidate } = await call(OfferMatchQuery, { candidateId: myCandidateProfile.id, offerId }, { token });
  return (matchOfferForCandidate?.reasons ?? [])
    .filter((r) => !SCORE_COMPONENTS.has(r.code))
    .map((r) => (locale === 'fr' ? r.labelFr : r.label))
    .join(locale === 'fr' ? ' ; ' : '; ');
}

/** Accepting applies to the offer: the answers to its questions and a message go with it. */
export async function acceptInvitation(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = localeOf(form);
  const t = spaceMessages(locale).invitations;
  const id = idOf(form);
  if (!id) back(locale, '/espace/invitations', {});
  const path = `/espace/invitations/${id}`;
  const questions = Math.min(Number(text(form, 'questions')) || 0, 3);
  const answers = Array.from({ length: questions }, (_, i) => text(form, `answer${i}`));
  const message = text(form, 'message').slice(0, 5000);
  const values: Record<string, string> = { message, ...Object.fromEntries(answers.map((a, i) => [`answer${i}`, a])) };
  const errors: Record<string, string> = {};
  answers.forEach((a, i) => {
    if (!a) errors[`answer${i}`] = t.answerRequired;
    else if (a.length > 2000) errors[`answer${i}`] = t.answerTooLong;
  });
  if (Object.keys(errors).length) return { values, errors };
  const token = await tokenFor(locale, path);
  let applicationId: string | null | undefined;
  try {
    const input = { message: message || undefined, answers: questions ? answers : undefined };
    applicationId = (await call(AcceptInvitationMutation, { id, input }, { token })).acceptInvitation.applicationId;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') logIn(locale, path);
    if (error.reason === 'INVITATION_ALREADY_ANSWERED') back(locale, '/espace/invitations', { fait: 'change' });
    if (error.reason === 'CANDIDATE_PROFILE_REQUIRED') return { values, errors: {}, message: t.profileRequired };
    if (error.reason === 'NOT_ELIGIBLE') return { values, errors: {}, message: t.notEligible(await failedRules(locale, token, text(form, 'offerId'))) };
    if (error.reason === 'OFFER_NOT_OPEN' || error.code === 'NOT_FOUND') return { values, errors: {}, message: t.closed };
    if (error.code === 'RATE_LIMITED') return { values, errors: {}, message: spaceMessages(locale).common.rateLimited(Number(error.extensions.retryAfterSeconds) || 60) };
    const answer = /^(?:input\.)?answers[[.](\d)/.exec(error.field ?? '');
    if (answer) return { values, errors: { [`answer${answer[1]}`]: error.message } };
    if (/message$/.test(error.field ?? '')) return { values, errors: { message: error.message } };
    return { values, errors: {}, message: spaceMessages(locale).common.genericError };
  }
  if (applicationId && UUID.test(applicationId)) back(locale, `/espace/candidatures/${applicationId}`, { fait: 'invitation' });
  back(locale, '/espace/candidatures', {});
}

export async function markNotificationRead(form: FormData): Promise<void> {
  const locale = localeOf(form);
  const id = idOf(form);
  const path = '/espace/notifications';
  if (!id) back(locale, path, {});
  const outcome = await attempt(locale, path, (token) => call(MarkNotificationReadMutation, { id }, { token }));
  back(locale, path, pageQuery(form, outcome === 'done' ? 'lue' : 'change'));
}

export async function markAllNotificationsRead(form: FormData): Promise<void> {
  const locale = localeOf(form);
  const path = '/espace/notifications';
  const token = await tokenFor(locale, path);
  let count = 0;
  try {
    count = (await call(MarkAllNotificationsReadMutation, {}, { token })).markAllNotificationsRead;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') logIn(locale, path);
    back(locale, path, { fait: 'change' });
  }
  back(locale, path, { fait: 'toutes-lues', nombre: String(count) });
}

export async function deleteSavedSearch(form: FormData): Promise<void> {
  const locale = localeOf(form);
  const id = idOf(form);
  const path = '/espace/alertes';
  if (!id) back(locale, path, {});
  const outcome = await attempt(locale, path, (token) => call(DeleteSavedSearchMutation, { id }, { token }));
  back(locale, path, { fait: outcome === 'done' ? 'supprimee' : 'change' });
}

/** Deletes the account for good, once the password confirms it; the session ends with it. */
export async function deleteAccount(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = localeOf(form);
  const t = spaceMessages(locale);
  const password = typeof form.get('password') === 'string' ? (form.get('password') as string) : '';
  if (!password) return { values: {}, errors: { password: t.data.passwordRequired } };
  const path = '/espace/donnees';
  const token = await tokenFor(locale, path);
  try {
    await call(DeleteMyAccountMutation, { password }, { token });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.reason === 'WRONG_PASSWORD') return { values: {}, errors: { password: t.data.wrongPassword } };
    if (error.code === 'UNAUTHENTICATED') logIn(locale, path);
    if (error.code === 'RATE_LIMITED') return { values: {}, errors: {}, message: t.common.rateLimited(Number(error.extensions.retryAfterSeconds) || 60) };
    return { values: {}, errors: {}, message: t.common.genericError };
  }
  await endSession();
  back(locale, '/espace/compte-supprime', {});
}
