'use client';

import { useActionState } from 'react';
import { saveOrganization } from '../../app/actions/employer';
import type { Locale } from '../../i18n/locales';
import { EMPTY_FORM, type FormState } from '../../lib/forms';
import { ErrorSummary } from '../error-summary';
import { Choice, Fieldset, TextArea, TextField } from '../fields';
import fieldStyles from '../fields.module.css';
import { SelectField } from '../space/select-field';

export interface OrganizationLabels {
  errorSummary: string;
  name: string;
  nameHint: string;
  sector: string;
  sectorHint: string;
  size: string;
  sizeOptions: { value: string; label: string }[];
  accessibilityTitle: string;
  referent: string;
  referentHint: string;
  accommodations: string;
  accommodationsHint: string;
  save: string;
}

export function OrganizationForm({ locale, labels, initial }: { locale: Locale; labels: OrganizationLabels; initial: Record<string, string> }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveOrganization, EMPTY_FORM);
  const values = { ...initial, ...state.values };
  // A checkbox left unticked is not posted: after a save, what was posted is the truth.
  const referent = state.values.name !== undefined ? state.values.disabilityReferent === 'on' : initial.disabilityReferent === 'on';
  return (
    <form action={action} noValidate className={fieldStyles.form}>
      <ErrorSummary title={labels.errorSummary} errors={state.errors} message={state.message} />
      <input type="hidden" name="locale" value={locale} />
      <TextField name="name" label={labels.name} hint={labels.nameHint} defaultValue={values.name} error={state.errors.name} maxLength={200} required autoComplete="organization" />
      <TextField name="sector" label={labels.sector} hint={labels.sectorHint} defaultValue={values.sector} error={state.errors.sector} maxLength={200} />
      <SelectField name="size" label={labels.size} options={labels.sizeOptions} defaultValue={values.size ?? ''} error={state.errors.size} />
      <Fieldset legend={labels.accessibilityTitle} name="accessibility">
        <Choice key={String(referent)} type="checkbox" name="disabilityReferent" value="on" label={labels.referent} hint={labels.referentHint} defaultChecked={referent} />
        <TextArea name="accommodations" label={labels.accommodations} hint={labels.accommodationsHint} defaultValue={values.accommodations} error={state.errors.accommodations} maxLength={2000} rows={4} />
      </Fieldset>
      <div>
        <button type="submit" className={fieldStyles.primary} disabled={pending}>
          {labels.save}
        </button>
        <p role="status">{state.done ?? ''}</p>
      </div>
    </form>
  );
}
