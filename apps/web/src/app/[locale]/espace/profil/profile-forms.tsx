'use client';

import { useActionState } from 'react';
import { saveProfileSection } from '../../../actions/profile';
import { Choice, Fieldset, TextField } from '../../../../components/fields';
import fieldStyles from '../../../../components/fields.module.css';
import { ErrorSummary } from '../../../../components/error-summary';
import { SelectField } from '../../../../components/space/select-field';
import type { Locale } from '../../../../i18n/locales';
import { EMPTY_FORM, type FormState } from '../../../../lib/forms';
import styles from './profile.module.css';

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

/** Plain strings only: these cross from the server page to the browser. */
export interface ProfileFormLabels {
  errorSummary: string;
  save: string;
  headline: string;
  headlineHint: string;
  availableFrom: string;
  availableFromHint: string;
  educationLevel: string;
  educationOptions: Option[];
  postcode: string;
  postcodeHint: string;
  city: string;
  cityHint: string;
  radius: string;
  radiusHint: string;
  remote: string;
  remoteOptions: Option[];
  visibilityLead: string;
  visibilityOptions: Option[];
  birthDate: string;
  birthDateWhy: string;
  jobSeeker: string;
  jobSeekerWhy: string;
  yes: string;
  no: string;
  consentTitle: string;
  consent: string;
  consentHint: string;
  disability: string;
  disabilityWhy: string;
  gender: string;
  genderWhy: string;
  genderOptions: Option[];
  notSaid: string;
  priorityLead: string;
  highestQualification: string;
  highestQualificationWhy: string;
  qualificationOptions: Option[];
  livesInQpv: string;
  livesInQpvWhy: string;
  internationalProtection: string;
  internationalProtectionWhy: string;
  situationBefore: string;
  situationBeforeWhy: string;
  situationOptions: Option[];
}

interface FormProps {
  locale: Locale;
  labels: ProfileFormLabels;
  /** The saved profile, as form values. */
  initial: Record<string, string>;
}

function useSection(initial: Record<string, string>) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveProfileSection, EMPTY_FORM);
  // After a save the form is reset to its defaults: the values just saved (or refused) lead.
  const values = { ...initial, ...state.values };
  return { state, action, pending, values };
}

function Footer({ label, pending, done }: { label: string; pending: boolean; done?: string }) {
  return (
    <div className={styles.footer}>
      <button type="submit" className={fieldStyles.primary} disabled={pending}>
        {label}
      </button>
      <p role="status" className={styles.done}>
        {done ?? ''}
      </p>
    </div>
  );
}

function Hidden({ locale, section }: { locale: Locale; section: string }) {
  return (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="section" value={section} />
    </>
  );
}

export function EssentialsForm({ locale, labels, initial }: FormProps) {
  const { state, action, pending, values } = useSection(initial);
  return (
    <form action={action} noValidate className={fieldStyles.form}>
      <ErrorSummary headingLevel={3} id="summary-essentials" title={labels.errorSummary} errors={state.errors} message={state.message} />
      <Hidden locale={locale} section="essentials" />
      <TextField name="headline" label={labels.headline} hint={labels.headlineHint} defaultValue={values.headline} error={state.errors.headline} maxLength={200} />
      <TextField name="availableFrom" type="date" label={labels.availableFrom} hint={labels.availableFromHint} defaultValue={values.availableFrom} error={state.errors.availableFrom} />
      <SelectField name="educationLevel" label={labels.educationLevel} options={labels.educationOptions} defaultValue={values.educationLevel} error={state.errors.educationLevel} />
      <Footer label={labels.save} pending={pending} done={state.done} />
    </form>
  );
}

export function MobilityForm({ locale, labels, initial, communes }: FormProps & { communes: string[] }) {
  const { state, action, pending, values } = useSection(initial);
  const fieldIds = { remotePreference: 'fieldset-remotePreference' };
  return (
    <form action={action} noValidate className={fieldStyles.form}>
      <ErrorSummary headingLevel={3} id="summary-mobility" title={labels.errorSummary} errors={state.errors} message={state.message} fieldIds={fieldIds} />
      <Hidden locale={locale} section="mobility" />
      <TextField name="postcode" label={labels.postcode} hint={labels.postcodeHint} defaultValue={values.postcode} error={state.errors.postcode} inputMode="numeric" autoComplete="postal-code" maxLength={5} />
      {communes.length > 1 ? (
        <SelectField name="city" label={labels.city} hint={labels.cityHint} options={communes.map((c) => ({ value: c, label: c }))} defaultValue={values.city} error={state.errors.city} />
      ) : (
        <input type="hidden" name="city" value={values.city ?? ''} />
      )}
      <TextField name="radius" type="number" label={labels.radius} hint={labels.radiusHint} defaultValue={values.radius} error={state.errors.radius} inputMode="numeric" min={0} max={1000} />
      <Fieldset legend={labels.remote} name="remotePreference" error={state.errors.remotePreference}>
        {labels.remoteOptions.map((o) => (
          <Choice key={o.value} type="radio" name="remotePreference" value={o.value} label={o.label} defaultChecked={values.remotePreference === o.value} />
        ))}
      </Fieldset>
      <Footer label={labels.save} pending={pending} done={state.done} />
    </form>
  );
}

export function VisibilityForm({ locale, labels, initial }: FormProps) {
  const { state, action, pending, values } = useSection(initial);
  return (
    <form action={action} noValidate className={fieldStyles.form}>
      <ErrorSummary headingLevel={3} id="summary-visibility" title={labels.errorSummary} errors={state.errors} message={state.message} fieldIds={{ visibility: 'fieldset-visibility' }} />
      <Hidden locale={locale} section="visibility" />
      <Fieldset legend={labels.visibilityLead} name="visibility" error={state.errors.visibility}>
        {labels.visibilityOptions.map((o) => (
          <Choice key={o.value} type="radio" name="visibility" value={o.value} label={o.label} hint={o.hint} defaultChecked={values.visibility === o.value} />
        ))}
      </Fieldset>
      <Footer label={labels.save} pending={pending} done={state.done} />
    </form>
  );
}

/** A yes / no question with "no answer" as its third choice: choosing it erases the answer. */
function YesNoUnsaid({ name, legend, hint, labels, value, error }: { name: string; legend: string; hint: string; labels: ProfileFormLabels; value: string | undefined; error?: string }) {
  return (
    <Fieldset legend={legend} hint={hint} name={name} error={error}>
      <Choice type="radio" name={name} value="yes" label={labels.yes} defaultChecked={value === 'yes'} />
      <Choice type="radio" name={name} value="no" label={labels.no} defaultChecked={value === 'no'} />
      <Choice type="radio" name={name} value="" label={labels.notSaid} defaultChecked={!value} />
    </Fieldset>
  );
}

export function ProtectedForm({ locale, labels, initial }: FormProps) {
  const { state, action, pending, values } = useSection(initial);
  const fieldIds = {
    jobSeeker: 'fieldset-jobSeeker',
    sensitiveDataConsent: 'choice-sensitiveDataConsent-yes',
    disabilityRecognised: 'fieldset-disabilityRecognised',
    gender: 'fieldset-gender',
    highestQualification: 'field-highestQualification',
    livesInQpv: 'fieldset-livesInQpv',
    internationalProtection: 'fieldset-internationalProtection',
    situationBefore: 'fieldset-situationBefore',
  };
  return (
    <form action={action} noValidate className={fieldStyles.form}>
      <ErrorSummary headingLevel={3} id="summary-protected" title={labels.errorSummary} errors={state.errors} message={state.message} fieldIds={fieldIds} />
      <Hidden locale={locale} section="protected" />
      {/* The consent as saved, to tell a withdrawal (erase) from answers given without consent (an error). */}
      <input type="hidden" name="hadConsent" value={initial.sensitiveDataConsent ?? ''} />
      <TextField name="birthDate" type="date" label={labels.birthDate} hint={labels.birthDateWhy} defaultValue={values.birthDate} error={state.errors.birthDate} autoComplete="bday" />
      <Fieldset legend={labels.jobSeeker} hint={labels.jobSeekerWhy} name="jobSeeker" error={state.errors.jobSeeker}>
        <Choice type="radio" name="jobSeeker" value="yes" label={labels.yes} defaultChecked={values.jobSeeker === 'yes'} />
        <Choice type="radio" name="jobSeeker" value="no" label={labels.no} defaultChecked={values.jobSeeker === 'no'} />
      </Fieldset>
      <div className={styles.consent}>
        <Fieldset legend={labels.consentTitle} name="sensitiveDataConsent" error={state.errors.sensitiveDataConsent}>
          <Choice type="checkbox" name="sensitiveDataConsent" value="yes" label={labels.consent} hint={labels.consentHint} defaultChecked={values.sensitiveDataConsent === 'yes'} />
          <Fieldset legend={labels.disability} hint={labels.disabilityWhy} name="disabilityRecognised" error={state.errors.disabilityRecognised}>
            <Choice type="radio" name="disabilityRecognised" value="yes" label={labels.yes} defaultChecked={values.disabilityRecognised === 'yes'} />
            <Choice type="radio" name="disabilityRecognised" value="no" label={labels.no} defaultChecked={values.disabilityRecognised === 'no'} />
          </Fieldset>
          <Fieldset legend={labels.gender} hint={labels.genderWhy} name="gender" error={state.errors.gender}>
            {labels.genderOptions.map((o) => (
              <Choice key={o.value} type="radio" name="gender" value={o.value} label={o.label} defaultChecked={values.gender === o.value} />
            ))}
          </Fieldset>
          <p className={styles.priorityLead}>{labels.priorityLead}</p>
          {/* Keyed by its value: a select keeps its first default when the form resets after a save. */}
          <SelectField
            key={values.highestQualification ?? ''}
            name="highestQualification"
            label={labels.highestQualification}
            hint={labels.highestQualificationWhy}
            options={labels.qualificationOptions}
            defaultValue={values.highestQualification}
            error={state.errors.highestQualification}
          />
          <YesNoUnsaid name="livesInQpv" legend={labels.livesInQpv} hint={labels.livesInQpvWhy} labels={labels} value={values.livesInQpv} error={state.errors.livesInQpv} />
          <YesNoUnsaid name="internationalProtection" legend={labels.internationalProtection} hint={labels.internationalProtectionWhy} labels={labels} value={values.internationalProtection} error={state.errors.internationalProtection} />
          <Fieldset legend={labels.situationBefore} hint={labels.situationBeforeWhy} name="situationBefore" error={state.errors.situationBefore}>
            {[...labels.situationOptions, { value: '', label: labels.notSaid }].map((o) => (
              <Choice key={o.value} type="radio" name="situationBefore" value={o.value} label={o.label} defaultChecked={(values.situationBefore ?? '') === o.value} />
            ))}
          </Fieldset>
        </Fieldset>
      </div>
      <Footer label={labels.save} pending={pending} done={state.done} />
    </form>
  );
}
