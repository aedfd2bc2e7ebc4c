import styles from './search-form.module.css';

/**
 * The search form's text fields. They are plain inputs (the form works without JavaScript);
 * the autocomplete enhances them where scripts run.
 */
export function WhatField({ label, hint, defaultValue }: { label: string; hint: string; defaultValue: string }) {
  return (
    <>
      <label htmlFor="search-what">{label}</label>
      <input id="search-what" name="q" type="search" defaultValue={defaultValue} aria-describedby="search-what-hint" autoComplete="off" className={styles.input} maxLength={200} />
      <p id="search-what-hint" className={styles.hint}>
        {hint}
      </p>
    </>
  );
}

export function PlaceField({ label, hint, defaultValue }: { label: string; hint: string; defaultValue: string }) {
  return (
    <>
      <label htmlFor="search-where">{label}</label>
      <input id="search-where" name="lieu" type="text" defaultValue={defaultValue} aria-describedby="search-where-hint" autoComplete="off" className={styles.input} maxLength={120} />
      <p id="search-where-hint" className={styles.hint}>
        {hint}
      </p>
    </>
  );
}
