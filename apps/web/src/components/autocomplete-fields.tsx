import type { Locale } from '../i18n/locales';
import type { Messages } from '../i18n/messages';
import { Combobox } from './combobox';
import styles from './search-form.module.css';

/**
 * The search form's text fields: plain inputs in the HTML (the form works without JavaScript),
 * with suggestions where scripts run.
 */
export function WhatField({ locale, t, defaultValue }: { locale: Locale; t: Messages['search']; defaultValue: string }) {
  return (
    <Combobox
      id="search-what"
      name="q"
      type="search"
      label={t.what}
      listLabel={t.whatSuggestions}
      hint={t.whatHint}
      defaultValue={defaultValue}
      source="what"
      locale={locale}
      maxLength={200}
      inputClassName={styles.input}
      hintClassName={styles.hint}
      countText={{ none: t.suggestionsNone, one: t.suggestionsOne, many: t.suggestionsMany }}
    />
  );
}

export function PlaceField({ locale, t, defaultValue }: { locale: Locale; t: Messages['search']; defaultValue: string }) {
  return (
    <Combobox
      id="search-where"
      name="lieu"
      label={t.where}
      listLabel={t.whereSuggestions}
      hint={t.whereHint}
      defaultValue={defaultValue}
      source="where"
      locale={locale}
      maxLength={120}
      inputClassName={styles.input}
      hintClassName={styles.hint}
      countText={{ none: t.suggestionsNone, one: t.suggestionsOne, many: t.suggestionsMany }}
    />
  );
}
