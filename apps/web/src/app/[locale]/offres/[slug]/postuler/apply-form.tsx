'use client';

import { useActionState } from 'react';
import { applyToOffer } from '../../../../actions/apply';
import { ErrorSummary } from '../../../../../components/error-summary';
import { TextArea } from '../../../../../components/fields';
import type { Locale } from '../../../../../i18n/locales';
import { EMPTY_FORM } from '../../../../../lib/forms';
import fieldStyles from '../../../../../components/fields.module.css';

export interface ApplyLabels {
  errorSummary: string;
  answers: string[];
  message: string;
  messageHint: string;
  submit: string;
}

export function ApplyForm({ locale, offerId, offerPath, questions, labels }: { locale: Locale; offerId: string; offerPath: string; questions: string[]; labels: ApplyLabels }) {
  const [state, action, pending] = useActionState(applyToOffer, EMPTY_FORM);
  return (
    <form action={action} noValidate className={fieldStyles.form}>
      <ErrorSummary title={labels.errorSummary} errors={state.errors} message={state.message} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="offerId" value={offerId} />
      <input type="hidden" name="offerPath" value={offerPath} />
      <input type="hidden" name="questions" value={questions.length} />
      {questions.map((q, i) => (
        <TextArea key={i} name={`answer${i}`} label={q} hint={labels.answers[i]} defaultValue={state.values[`answer${i}`]} error={state.errors[`answer${i}`]} maxLength={2000} rows={4} required />
      ))}
      <TextArea name="message" label={labels.message} hint={labels.messageHint} defaultValue={state.values.message} error={state.errors.message} maxLength={5000} rows={7} />
      <button type="submit" className={fieldStyles.primary} disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
