'use server';

import { redirect } from 'next/navigation';
import { isLocale, localePath, type Locale } from '../../i18n/locales';
import { messages } from '../../i18n/messages';
import { ApiError, call } from '../../lib/api';
import { EMAIL_PATTERN, safeReturnPath, text, type FormState } from '../../lib/forms';
import { LogInMutation, SignUpMutation } from '../../lib/operations/account';
import { endSession, startSession } from '../../lib/session';

function localeOf(form: FormData): Locale {
  const value = text(form, 'locale');
  return isLocale(value) ? value : 'fr';
}

function afterSignIn(locale: Locale, form: FormData): string {
  return safeReturnPath(text(form, 'next')) ?? localePath(locale, '/espace');
}

function apiFailure(locale: Locale, error: unknown, values: Record<string, string>, fieldOf: (apiField: string) => string | null): FormState {
  const t = messages(locale).auth.errors;
  if (!(error instanceof ApiError)) throw error;
  if (error.code === 'RATE_LIMITED') {
    const seconds = Number(error.extensions.retryAfterSeconds) || 60;
    return { values, errors: {}, message: t.rateLimited(seconds) };
  }
  if (error.reason === 'BAD_CREDENTIALS') return { values, errors: {}, message: t.wrongCredentials };
  if (error.reason === 'EMAIL_TAKEN') return { values, errors: { email: t.emailTaken } };
  if (error.code === 'BAD_USER_INPUT' && error.field) {
    const field = fieldOf(error.field);
    if (field === 'siret') return { values, errors: { siret: t.siretInvalid } };
    if (field) return { values, errors: { [field]: error.message } };
  }
  return { values, errors: {}, message: t.generic };
}

export async function logIn(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = localeOf(form);
  const t = messages(locale).auth.errors;
  const email = text(form, 'email');
  const password = typeof form.get('password') === 'string' ? (form.get('password') as string) : '';
  const values = { email };
  const errors: Record<string, string> = {};
  if (!email) errors.email = t.emailRequired;
  else if (!EMAIL_PATTERN.test(email)) errors.email = t.emailInvalid;
  if (!password) errors.password = t.passwordRequired;
  if (Object.keys(errors).length) return { values, errors };
  let session;
  try {
    session = (await call(LogInMutation, { input: { email, password } })).logIn;
  } catch (error) {
    return apiFailure(locale, error, values, (f) => (f === 'email' || f === 'password' ? f : null));
  }
  await startSession(session.accessToken, session.expiresAt);
  redirect(afterSignIn(locale, form));
}

export async function signUp(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = localeOf(form);
  const t = messages(locale).auth.errors;
  const role = text(form, 'role') === 'EMPLOYER' ? 'EMPLOYER' : 'CANDIDATE';
  const values = {
    email: text(form, 'email'),
    displayName: text(form, 'displayName'),
    role,
    orgName: text(form, 'orgName'),
    siret: text(form, 'siret').replace(/\s+/g, ''),
  };
  const password = typeof form.get('password') === 'string' ? (form.get('password') as string) : '';
  const errors: Record<string, string> = {};
  if (!values.displayName) errors.displayName = t.nameRequired;
  if (!values.email) errors.email = t.emailRequired;
  else if (!EMAIL_PATTERN.test(values.email)) errors.email = t.emailInvalid;
  if (password.length < 12) errors.password = t.passwordShort;
  if (role === 'EMPLOYER') {
    if (!values.orgName) errors.orgName = t.orgRequired;
    if (!/^\d{14}$/.test(values.siret)) errors.siret = t.siretInvalid;
  }
  if (Object.keys(errors).length) return { values, errors };
  let session;
  try {
    session = (
      await call(SignUpMutation, {
        input: {
          email: values.email,
          password,
          displayName: values.displayName,
          role,
          organization: role === 'EMPLOYER' ? { name: values.orgName, siret: values.siret, country: 'FR' } : undefined,
        },
      })
    ).signUp;
  } catch (error) {
    return apiFailure(locale, error, values, (f) => {
      if (f === 'organization.siret') return 'siret';
      if (f === 'organization.name') return 'orgName';
      return ['email', 'password', 'displayName'].includes(f) ? f : null;
    });
  }
  await startSession(session.accessToken, session.expiresAt);
  redirect(afterSignIn(locale, form));
}

export async function logOut(form: FormData): Promise<void> {
  await endSession();
  redirect(localePath(localeOf(form), '/'));
}
