'use client';

import { useActionState } from 'react';
import { saveOffer } from '../../app/actions/employer';
import type { Locale } from '../../i18n/locales';
import type { EmployerMessages } from '../../i18n/messages/employer.fr';
import { EMPTY_FORM, type FormState } from '../../lib/forms';
import { Combobox } from '../combobox';
import { ErrorSummary } from '../error-summary';
import { Choice, Fieldset, TextArea, TextField } from '../fields';
import fieldStyles from '../fields.module.css';
import { SelectField } from '../space/select-field';
import styles from './employer.module.css';

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

/** Plain strings only: these cross from the server page to the browser. */
export type OfferEditorLabels = Omit<EmployerMessages['offerForm'], 'editTitle' | 'question' | 'errors' | 'contractHints' | 'hireTypes'> & {
  errorSummary: string;
  questionLabels: string[];
  contractOptions: Option[];
  remoteOptions: Option[];
  hireOptions: Option[];
  periodOptions: Option[];
  suggestions: { none: string; one: string; many: string };
};

const FIELD_IDS = {
  occupation: 'offer-occupation',
  place: 'offer-place',
  contractType: 'fieldset-contractType',
  remotePolicy: 'fieldset-remotePolicy',
};

/**
 * The offer's form, for a new draft and for changes. A plain form: it posts and answers without
 * JavaScript; with it, occupation and commune get suggestions and errors come back in place.
 */
export function OfferEditor({ locale, labels, initial, offerId }: { locale: Locale; labels: OfferEditorLabels; initial: Record<string, string>; offerId?: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveOffer, EMPTY_FORM);
  const values = { ...initial, ...state.values };
  const e = state.errors;
  return (
    <form action={action} noValidate className={fieldStyles.form}>
      <ErrorSummary title={labels.errorSummary} errors={e} message={state.message} fieldIds={FIELD_IDS} />
      <input type="hidden" name="locale" value={locale} />
      {offerId ? <input type="hidden" name="id" value={offerId} /> : null}
      <p>{labels.intro}</p>
      <fieldset className={styles.group}>
        <legend>{labels.job}</legend>
        <TextField name="title" label={labels.title} hint={labels.titleHint} defaultValue={values.title} error={e.title} maxLength={200} required />
        <Combobox
          id="offer-occupation"
          name="occupation"
          label={labels.occupation}
          listLabel={labels.occupationSuggestions}
          hint={labels.occupationHint}
          defaultValue={values.occupation ?? ''}
          source="occupation"
          locale={locale}
          maxLength={200}
          className={e.occupation ? `${fieldStyles.field} ${fieldStyles.invalid}` : fieldStyles.field}
          labelClassName={fieldStyles.label}
          inputClassName={fieldStyles.input}
          hintClassName={fieldStyles.hint}
          errorClassName={fieldStyles.error}
          error={e.occupation}
          countText={labels.suggestions}
        />
        <TextArea name="description" label={labels.description} hint={labels.descriptionHint} defaultValue={values.description} error={e.description} maxLength={20000} rows={8} required />
      </fieldset>
      <fieldset className={styles.group}>
        <legend>{labels.contract}</legend>
        <Fieldset legend={labels.contractType} name="contractType" error={e.contractType}>
          {labels.contractOptions.map((o) => (
            <Choice key={o.value} type="radio" name="contractType" value={o.value} label={o.label} hint={o.hint} defaultChecked={values.contractType === o.value} />
          ))}
        </Fieldset>
        <div className={styles.subgroup}>
          <p className={styles.subgroupTitle}>{labels.hireTitle}</p>
          <p className={fieldStyles.hint}>{labels.hireLead}</p>
          <SelectField name="hireType" label={labels.hireType} options={labels.hireOptions} defaultValue={values.hireType ?? ''} error={e.hireType} />
          <TextField name="hireMonths" type="number" label={labels.hireMonths} hint={labels.hireMonthsHint} defaultValue={values.hireMonths} error={e.hireMonths} inputMode="numeric" min={1} max={60} />
        </div>
        <TextField name="positions" type="number" label={labels.positions} hint={labels.positionsHint} defaultValue={values.positions ?? '1'} error={e.positions} inputMode="numeric" min={1} max={100} />
      </fieldset>
      <fieldset className={styles.group}>
        <legend>{labels.where}</legend>
        <Combobox
          id="offer-place"
          name="place"
          label={labels.place}
          listLabel={labels.placeSuggestions}
          hint={labels.placeHint}
          defaultValue={values.place ?? ''}
          source="where"
          locale={locale}
          maxLength={120}
          className={e.place ? `${fieldStyles.field} ${fieldStyles.invalid}` : fieldStyles.field}
          labelClassName={fieldStyles.label}
          inputClassName={fieldStyles.input}
          hintClassName={fieldStyles.hint}
          errorClassName={fieldStyles.error}
          error={e.place}
          countText={labels.suggestions}
        />
        <Fieldset legend={labels.remote} name="remotePolicy" error={e.remotePolicy}>
          {labels.remoteOptions.map((o) => (
            <Choice key={o.value} type="radio" name="remotePolicy" value={o.value} label={o.label} defaultChecked={values.remotePolicy === o.value} />
          ))}
        </Fieldset>
        <TextField name="startEarliest" type="date" label={labels.startEarliest} hint={labels.startHint} defaultValue={values.startEarliest} error={e.startEarliest} required />
        <TextField name="startLatest" type="date" label={labels.startLatest} defaultValue={values.startLatest} error={e.startLatest} required />
      </fieldset>
      <fieldset className={styles.group}>
        <legend>{labels.pay}</legend>
        <p className={fieldStyles.hint}>{labels.payLead}</p>
        <TextField name="salaryMin" type="number" label={labels.salaryMin} defaultValue={values.salaryMin} error={e.salaryMin} inputMode="numeric" min={0} />
        <TextField name="salaryMax" type="number" label={labels.salaryMax} defaultValue={values.salaryMax} error={e.salaryMax} inputMode="numeric" min={0} />
        <SelectField name="salaryPeriod" label={labels.salaryPeriod} options={labels.periodOptions} defaultValue={values.salaryPeriod ?? 'MONTH'} error={e.salaryPeriod} />
      </fieldset>
      <fieldset className={styles.group}>
        <legend>{labels.questions}</legend>
        <p className={fieldStyles.hint}>{labels.questionsLead}</p>
        {labels.questionLabels.map((label, i) => (
          <TextField key={i} name={`question${i}`} label={label} defaultValue={values[`question${i}`]} error={e[`question${i}`]} maxLength={300} />
        ))}
      </fieldset>
      <p>
        <button type="submit" className={fieldStyles.primary} disabled={pending}>
          {offerId ? labels.saveChanges : labels.save}
        </button>
      </p>
    </form>
  );
}
