'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { isLocale, localePath, type Locale } from '../../i18n/locales';
import { spaceMessages } from '../../i18n/space-messages';
import { ApiError, call } from '../../lib/api';
import { text, type FormState } from '../../lib/forms';
import type { VariablesOf } from '../../lib/graphql';
import { CommunesByPostcodeQuery } from '../../lib/operations/catalogue';
import { MyProfileQuery, UpsertProfileMutation } from '../../lib/operations/space';
import { SENSITIVE_FIELDS, parseSensitiveAnswers } from '../../lib/sensitive-answers';
import { sessionToken } from '../../lib/session';

type ProfileInput = VariablesOf<typeof UpsertProfileMutation>['input'];

const SECTIONS = ['essentials', 'mobility', 'visibility', 'protected'] as const;
type Section = (typeof SECTIONS)[number];

const EDUCATION = ['NONE', 'LOWER_SECONDARY', 'LEVEL_3', 'LEVEL_4', 'LEVEL_5', 'LEVEL_6', 'LEVEL_7', 'LEVEL_8'] as const;
const REMOTE = ['ONSITE', 'HYBRID', 'REMOTE', 'ANY'] as const;
const VISIBILITY = ['PUBLIC', 'ANONYMOUS', 'HIDDEN'] as const;
const LEVELS = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED', 'EXPERT'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Limits of CandidateProfileInput (schema.gql). */
const MAX = { skills: 60, occupations: 10, programs: 10 } as const;

function localeOf(form: FormData): Locale {
  const value = text(form, 'locale');
  return isLocale(value) ? value : 'fr';
}

function oneOf<T extends string>(values: readonly T[], value: string): T | undefined {
  return (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function yesNo(value: string): boolean | undefined {
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

function logInAgain(locale: Locale): never {
  redirect(localePath(locale, `/connexion?suite=${encodeURIComponent(localePath(locale, '/espace/profil'))}`));
}

async function tokenOrLogIn(locale: Locale): Promise<string> {
  return (await sessionToken()) ?? logInAgain(locale);
}

/** The profile form's name for an input path the API names (`location.postcode` → `postcode`). */
function formField(path: string): string | null {
  if (path.startsWith('location')) return 'postcode';
  if (path === 'mobilityRadiusKm') return 'radius';
  const known: string[] = ['headline', 'availableFrom', 'educationLevel', 'remotePreference', 'visibility', 'birthDate', 'jobSeeker', 'sensitiveDataConsent', ...SENSITIVE_FIELDS];
  return known.includes(path) ? path : null;
}

/** Each refused field's error in words, next to its field; what belongs to none goes on top. */
function apiErrors(locale: Locale, error: ApiError): Pick<FormState, 'errors' | 'message'> {
  const t = spaceMessages(locale);
  if (error.code === 'RATE_LIMITED') return { errors: {}, message: t.common.rateLimited(Number(error.extensions.retryAfterSeconds) || 60) };
  const listed = Array.isArray(error.extensions.fields) ? (error.extensions.fields as unknown[]) : [];
  const fields = listed
    .map((f) => (f && typeof f === 'object' ? (f as { path?: unknown; message?: unknown }) : {}))
    .filter((f): f is { path: string; message: string } => typeof f.path === 'string' && typeof f.message === 'string');
  if (!fields.length && error.field) fields.push({ path: error.field, message: error.message });
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const field = formField(f.path);
    if (!field || errors[field]) continue;
    const e = t.profile.errors;
    if (field === 'postcode') errors[field] = error.reason === 'UNKNOWN_PLACE' ? e.unknownPostcode : e.postcode;
    else if (field === 'birthDate') errors[field] = /calendar/.test(f.message) ? e.date : e.birthDateRange;
    else if (field === 'availableFrom') errors[field] = e.date;
    else if (field === 'headline') errors[field] = e.headlineTooLong;
    else if (field === 'radius') errors[field] = e.radius;
    else if (field === 'sensitiveDataConsent') errors[field] = e.consentNeeded;
    else errors[field] = e.invalid;
  }
  return Object.keys(errors).length ? { errors } : { errors: {}, message: t.common.genericError };
}

interface Parsed {
  values: Record<string, string>;
  errors: Record<string, string>;
  input: ProfileInput;
  /** A note to add to the success message. */
  note?: string;
}

async function parseSection(locale: Locale, section: Section, form: FormData): Promise<Parsed> {
  const e = spaceMessages(locale).profile.errors;
  const errors: Record<string, string> = {};
  if (section === 'essentials') {
    const values = { headline: text(form, 'headline'), availableFrom: text(form, 'availableFrom'), educationLevel: text(form, 'educationLevel') };
    if (values.headline.length > 200) errors.headline = e.headlineTooLong;
    if (values.availableFrom && !isDay(values.availableFrom)) errors.availableFrom = e.date;
    return {
      values,
      errors,
      input: { headline: values.headline || null, availableFrom: values.availableFrom || null, educationLevel: oneOf(EDUCATION, values.educationLevel) ?? null },
    };
  }
  if (section === 'mobility') {
    const values = { postcode: text(form, 'postcode').replace(/\s+/g, ''), city: text(form, 'city'), radius: text(form, 'radius'), remotePreference: text(form, 'remotePreference') };
    if (values.postcode && !/^\d{5}$/.test(values.postcode)) errors.postcode = e.postcode;
    const radius = Number(values.radius);
    if (values.radius !== '' && !(Number.isInteger(radius) && radius >= 0 && radius <= 1000)) errors.radius = e.radius;
    let note: string | undefined;
    if (values.postcode && !errors.postcode) {
      const { communes } = await call(CommunesByPostcodeQuery, { postcode: values.postcode });
      if (!communes.length) errors.postcode = e.unknownPostcode;
      else if (communes.length > 1 && !communes.some((c) => c.name === values.city)) note = spaceMessages(locale).profile.checkCity;
    }
    return {
      values,
      errors,
      note,
      input: {
        location: values.postcode ? { country: 'FR', postcode: values.postcode, city: values.city || undefined } : null,
        mobilityRadiusKm: values.radius === '' ? undefined : radius,
        remotePreference: oneOf(REMOTE, values.remotePreference),
      },
    };
  }
  if (section === 'visibility') {
    const values = { visibility: text(form, 'visibility') };
    return { values, errors, input: { visibility: oneOf(VISIBILITY, values.visibility) } };
  }
  const values = { birthDate: text(form, 'birthDate'), jobSeeker: text(form, 'jobSeeker') };
  if (values.birthDate && !isDay(values.birthDate)) errors.birthDate = e.date;
  const fields = ['sensitiveDataConsent', ...SENSITIVE_FIELDS].map((name) => [name, text(form, name)]);
  const sensitive = parseSensitiveAnswers(Object.fromEntries(fields), text(form, 'hadConsent') === 'yes');
  if (sensitive.consentNeeded) errors.sensitiveDataConsent = e.consentNeeded;
  return {
    values: { ...values, ...sensitive.values },
    errors,
    input: { birthDate: values.birthDate || null, jobSeeker: yesNo(values.jobSeeker), ...sensitive.input },
  };
}

/** One part of the profile form (the others keep their values: omitted fields stay as they are). */
export async function saveProfileSection(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = localeOf(form);
  const t = spaceMessages(locale);
  const section = oneOf(SECTIONS, text(form, 'section'));
  if (!section) return { values: {}, errors: {}, message: t.common.genericError };
  const parsed = await parseSection(locale, section, form);
  if (Object.keys(parsed.errors).length) return { values: parsed.values, errors: parsed.errors };
  const token = await tokenOrLogIn(locale);
  let saved;
  try {
    saved = (await call(UpsertProfileMutation, { input: parsed.input }, { token })).upsertMyCandidateProfile;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') logInAgain(locale);
    return { values: parsed.values, ...apiErrors(locale, error) };
  }
  const values = section === 'mobility' ? { ...parsed.values, postcode: saved.location?.postcode ?? '', city: saved.location?.city ?? '' } : parsed.values;
  // The page around the form (the town choices, the "no profile yet" notice) follows the saved profile.
  refresh();
  return { values, errors: {}, done: parsed.note ? `${t.profile.saved} ${parsed.note}` : t.profile.saved };
}

type List = 'skills' | 'occupations' | 'programs';
const ANCHORS: Record<List, string> = { skills: 'competences', occupations: 'metiers', programs: 'formations' };

/** Back to the profile page with the searches it showed, a status or an error, at the list's section. */
function backToProfile(locale: Locale, form: FormData, list: List, status: Record<string, string>): never {
  const query = new URLSearchParams();
  for (const key of ['competence', 'metier', 'formation']) {
    const value = text(form, key).slice(0, 100);
    if (value) query.set(key, value);
  }
  for (const [key, value] of Object.entries(status)) query.set(key, value);
  if (status.erreur) query.set('liste', list);
  redirect(`${localePath(locale, '/espace/profil')}?${query.toString()}#${ANCHORS[list]}`);
}

function listOf(form: FormData): List | null {
  const value = text(form, 'list');
  return value === 'skills' || value === 'occupations' || value === 'programs' ? value : null;
}

/** Saves a list and goes back; the API's refusal becomes an error code shown by the list. */
async function saveList(locale: Locale, form: FormData, list: List, token: string, input: ProfileInput, done: string): Promise<never> {
  try {
    await call(UpsertProfileMutation, { input }, { token });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') logInAgain(locale);
    const index = /^(?:skills|desiredRomeCodes|programIds)[[.](\d+)/.exec(error.field ?? '')?.[1];
    const items = list === 'skills' ? input.skills?.map((s) => s.code) : list === 'occupations' ? input.desiredRomeCodes : input.programIds;
    const element = index !== undefined ? items?.[Number(index)] : undefined;
    const code = error.code === 'BAD_USER_INPUT' ? (/ArrayMaxSize|at most|must contain no more/i.test(error.message) ? 'max' : 'inconnu') : 'erreur';
    backToProfile(locale, form, list, element ? { erreur: code, element } : { erreur: code });
  }
  backToProfile(locale, form, list, { fait: done });
}

/** Adds a skill (at beginner level), an occupation or a training path chosen in the search results. */
export async function addToProfile(form: FormData): Promise<void> {
  const locale = localeOf(form);
  const list = listOf(form);
  const value = text(form, 'value');
  if (!list || !value) redirect(localePath(locale, '/espace/profil'));
  const token = await tokenOrLogIn(locale);
  const { myCandidateProfile: profile } = await call(MyProfileQuery, {}, { token });
  if (list === 'skills') {
    const skills = (profile?.skills ?? []).map((s) => ({ code: s.skill.code, level: s.level }));
    if (skills.some((s) => s.code === value)) backToProfile(locale, form, list, {});
    if (skills.length >= MAX.skills) backToProfile(locale, form, list, { erreur: 'max' });
    await saveList(locale, form, list, token, { skills: [...skills, { code: value, level: 'BEGINNER' }] }, 'competence');
  }
  if (list === 'occupations') {
    const codes = profile?.desiredRomeCodes ?? [];
    if (codes.includes(value)) backToProfile(locale, form, list, {});
    if (codes.length >= MAX.occupations) backToProfile(locale, form, list, { erreur: 'max' });
    await saveList(locale, form, list, token, { desiredRomeCodes: [...codes, value] }, 'metier');
  }
  const ids = (profile?.programs ?? []).map((p) => p.id);
  if (ids.includes(value)) backToProfile(locale, form, list, {});
  if (ids.length >= MAX.programs) backToProfile(locale, form, list, { erreur: 'max' });
  await saveList(locale, form, list, token, { programIds: [...ids, value] }, 'formation');
}

/**
 * The skills list form: every level as chosen, less the one whose "remove" button was pressed
 * (the pressed button's value comes with the form, so this works without JavaScript).
 */
export async function saveSkills(form: FormData): Promise<void> {
  const locale = localeOf(form);
  const token = await tokenOrLogIn(locale);
  const { myCandidateProfile: profile } = await call(MyProfileQuery, {}, { token });
  const removed = text(form, 'remove');
  const skills = (profile?.skills ?? [])
    .filter((s) => s.skill.code !== removed)
    .map((s) => ({ code: s.skill.code, level: oneOf(LEVELS, text(form, `level-${s.skill.code}`)) ?? s.level }));
  await saveList(locale, form, 'skills', token, { skills }, removed ? 'competence-retiree' : 'niveaux');
}

/** Removes an occupation or a training path. */
export async function removeFromProfile(form: FormData): Promise<void> {
  const locale = localeOf(form);
  const list = listOf(form);
  const value = text(form, 'value');
  if (!list || list === 'skills' || !value) redirect(localePath(locale, '/espace/profil'));
  const token = await tokenOrLogIn(locale);
  const { myCandidateProfile: profile } = await call(MyProfileQuery, {}, { token });
  if (list === 'occupations') {
    await saveList(locale, form, list, token, { desiredRomeCodes: (profile?.desiredRomeCodes ?? []).filter((c) => c !== value) }, 'metier-retire');
  }
  await saveList(locale, form, list, token, { programIds: (profile?.programs ?? []).map((p) => p.id).filter((id) => id !== value) }, 'formation-retiree');
}
