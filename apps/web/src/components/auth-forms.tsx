'use client';

import { useActionState } from 'react';
import { logIn, signUp } from '../app/actions/auth';
import type { Locale } from '../i18n/locales';
import type { Messages } from '../i18n/messages';
import { EMPTY_FORM } from '../lib/forms';
import { ErrorSummary } from './error-summary';
import { Choice, Fieldset, TextField } from './fields';
import styles from './fields.module.css';

/** Only strings cross to the browser: the error texts stay with the server action. */
export type AuthLabels = Omit<Messages['auth'], 'errors'>;

export function LogInForm({ locale, t, next }: { locale: Locale; t: AuthLabels; next: string }) {
  const [state, action, pending] = useActionState(logIn, EMPTY_FORM);
  return (
    <form action={action} noValidate className={styles.form}>
      <ErrorSummary title={t.errorSummary} errors={state.errors} message={state.message} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next} />
      <TextField name="email" type="email" label={t.email} autoComplete="email" defaultValue={state.values.email} error={state.errors.email} required />
      <TextField name="password" type="password" label={t.password} autoComplete="current-password" error={state.errors.password} required />
      <button type="submit" className={styles.primary} disabled={pending}>
        {t.submitLogIn}
      </button>
    </form>
  );
}

export function SignUpForm({ locale, t, next, role }: { locale: Locale; t: AuthLabels; next: string; role: string }) {
  const [state, action, pending] = useActionState(signUp, EMPTY_FORM);
  const chosen = state.values.role ?? role;
  return (
    <form action={action} noValidate className={styles.form}>
      <ErrorSummary title={t.errorSummary} errors={state.errors} message={state.message} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next} />
      <Fieldset legend={t.role} name="role">
        <Choice type="radio" name="role" value="CANDIDATE" label={t.roleCandidate} defaultChecked={chosen !== 'EMPLOYER'} />
        <Choice type="radio" name="role" value="EMPLOYER" label={t.roleEmployer} defaultChecked={chosen === 'EMPLOYER'} />
      </Fieldset>
      <TextField name="displayName" label={t.displayName} hint={t.displayNameHint} autoComplete="name" defaultValue={state.values.displayName} error={state.errors.displayName} required maxLength={120} />
      <TextField name="email" type="email" label={t.email} autoComplete="email" defaultValue={state.values.email} error={state.errors.email} required />
      <TextField name="password" type="password" label={t.password} hint={t.passwordHint} autoComplete="new-password" error={state.errors.password} required />
      <div className={styles.employerOnly}>
        <TextField name="orgName" label={t.orgName} autoComplete="organization" defaultValue={state.values.orgName} error={state.errors.orgName} maxLength={200} />
        <TextField name="siret" label={t.siret} hint={t.siretHint} inputMode="numeric" defaultValue={state.values.siret} error={state.errors.siret} />
      </div>
      <button type="submit" className={styles.primary} disabled={pending}>
        {t.submitSignUp}
      </button>
    </form>
  );
}
