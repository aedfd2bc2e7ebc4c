'use server';

import { redirect } from 'next/navigation';
import { isLocale, localePath, type Locale } from '../../i18n/locales';
import { messages } from '../../i18n/messages';
import { ApiError, call } from '../../lib/api';
import { text, type FormState } from '../../lib/forms';
import { ApplyMutation, MyApplicationForOfferQuery, MyProfileIdQuery, OfferMatchQuery } from '../../lib/operations/applying';
import { sessionToken } from '../../lib/session';

const SCORE_COMPONENTS = new Set(['REQUIRED_SKILLS', 'NICE_TO_HAVE_SKILLS', 'OCCUPATION_FIT', 'PROGRAM_FIT', 'TRAINING_GAP', 'DISTANCE', 'START_DATE', 'REMOTE_PREFERENCE']);

/** The rules a candidate fails for an offer, in their language. */
async function failedRules(locale: Locale, token: string, offerId: string): Promise<string> {
  const { myCandidateProfile } = await call(MyProfileIdQuery, {}, { token });
  if (!myCandidateProfile) return '';
  const { matchOfferForCandidate } = await call(OfferMatchQuery, { candidateId: myCandidateProfile.id, offerId }, { token });
  return (matchOfferForCandidate?.reasons ?? [])
    .filter((r) => !SCORE_COMPONENTS.has(r.code))
    .map((r) => (locale === 'fr' ? r.labelFr : r.label))
    .join(' ; ');
}

export async function applyToOffer(_previous: FormState, form: FormData): Promise<FormState> {
  const value = text(form, 'locale');
  const locale: Locale = isLocale(value) ? value : 'fr';
  const t = messages(locale).apply;
  const offerId = text(form, 'offerId');
  const offerPage = text(form, 'offerPath');
  const questions = Number(text(form, 'questions')) || 0;
  const answers = Array.from({ length: Math.min(questions, 3) }, (_, i) => text(form, `answer${i}`));
  const message = text(form, 'message').slice(0, 5000);
  const values: Record<string, string> = { message, ...Object.fromEntries(answers.map((a, i) => [`answer${i}`, a])) };
  const errors: Record<string, string> = {};
  answers.forEach((a, i) => {
    if (!a) errors[`answer${i}`] = t.answerRequired;
    else if (a.length > 2000) errors[`answer${i}`] = t.answerTooLong;
  });
  if (Object.keys(errors).length) return { values, errors };
  const token = await sessionToken();
  if (!token) redirect(localePath(locale, `/connexion?suite=${encodeURIComponent(`${offerPage}/postuler`)}`));
  let applicationId: string;
  try {
    applicationId = (await call(ApplyMutation, { input: { offerId, message: message || undefined, answers: questions ? answers : undefined } }, { token })).applyToOffer.id;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') redirect(localePath(locale, `/connexion?suite=${encodeURIComponent(`${offerPage}/postuler`)}`));
    if (error.reason === 'ALREADY_APPLIED') {
      const { myApplications } = await call(MyApplicationForOfferQuery, {}, { token });
      const existing = myApplications.edges.find((e) => e.node.offer.id === offerId)?.node;
      redirect(existing ? localePath(locale, `/espace/candidatures/${existing.id}`) : offerPage);
    }
    if (error.reason === 'CANDIDATE_PROFILE_REQUIRED') return { values, errors: {}, message: t.profileRequired };
    if (error.reason === 'NOT_ELIGIBLE') return { values, errors: {}, message: t.notEligible(await failedRules(locale, token, offerId)) };
    if (error.reason === 'OFFER_NOT_OPEN' || error.code === 'NOT_FOUND') return { values, errors: {}, message: t.closed };
    const answer = /^answers\[(\d)\]$/.exec(error.field ?? '');
    if (answer) return { values, errors: { [`answer${answer[1]}`]: error.message } };
    if (error.field === 'message') return { values, errors: { message: error.message } };
    return { values, errors: {}, message: error.message };
  }
  redirect(localePath(locale, `/espace/candidatures/${applicationId}?fait=candidature`));
}
