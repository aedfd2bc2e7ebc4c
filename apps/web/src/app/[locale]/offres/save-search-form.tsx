'use client';

import { useActionState } from 'react';
import { saveSearch } from '../../actions/alerts';
import type { Locale } from '../../../i18n/locales';
import type { Messages } from '../../../i18n/messages';
import { EMPTY_FORM } from '../../../lib/forms';
import styles from './search.module.css';

export function SaveSearchForm({ locale, t, query, defaultName }: { locale: Locale; t: Pick<Messages['search'], 'saveAlert' | 'saveAlertName'>; query: string; defaultName: string }) {
  const [state, action, pending] = useActionState(saveSearch, EMPTY_FORM);
  if (state.done) {
    return (
      <p role="status" className={styles.saved}>
        {state.done}
      </p>
    );
  }
  return (
    <form action={action} className={styles.save}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="query" value={query} />
      <label htmlFor="alert-name">{t.saveAlertName}</label>
      <input id="alert-name" name="name" defaultValue={state.values.name ?? defaultName.slice(0, 100)} maxLength={100} aria-invalid={state.errors.name ? true : undefined} aria-describedby={state.errors.name || state.message ? 'alert-error' : undefined} />
      <button type="submit" disabled={pending}>
        {t.saveAlert}
      </button>
      {state.errors.name || state.message ? (
        <p id="alert-error" className={styles.error} role="alert">
          {state.errors.name ?? state.message}
        </p>
      ) : null}
    </form>
  );
}
