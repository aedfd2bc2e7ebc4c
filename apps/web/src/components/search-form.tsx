import type { Locale } from '../i18n/locales';
import { localePath } from '../i18n/locales';
import type { Messages } from '../i18n/messages';
import { RADII, type SearchState } from '../lib/offer-search';
import { PlaceField, WhatField } from './autocomplete-fields';
import styles from './search-form.module.css';

/** What and where: a plain GET form, so the search works without JavaScript. */
export function SearchForm({ locale, t, state, headingId }: { locale: Locale; t: Messages; state?: SearchState; headingId?: string }) {
  return (
    <form action={localePath(locale, '/offres')} method="get" role="search" aria-labelledby={headingId} aria-label={headingId ? undefined : t.search.formLabel} className={styles.form}>
      <div className={styles.what}>
        <WhatField locale={locale} t={t.search} defaultValue={state?.q ?? ''} />
      </div>
      <div className={styles.where}>
        <PlaceField locale={locale} t={t.search} defaultValue={state?.place ?? ''} />
      </div>
      <div className={styles.radius}>
        <label htmlFor="search-radius">{t.search.radius}</label>
        <select id="search-radius" name="rayon" defaultValue={String(state?.radius ?? 30)}>
          {RADII.map((r) => (
            <option key={r} value={r}>
              {t.search.radiusKm(r)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={styles.submit}>
        {t.search.submit}
      </button>
    </form>
  );
}
