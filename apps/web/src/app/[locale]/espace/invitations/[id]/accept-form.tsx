'use client';

import { useActionState } from 'react';
import { acceptInvitation } from '../../../../actions/space';
import { ErrorSummary } from '../../../../../components/error-summary';
import { TextArea } from '../../../../../components/fields';
import fieldStyles from '../../../../../components/fields.module.css';
import type { Locale } from '../../../../../i18n/locales';
import { EMPTY_FORM } from '../../../../../lib/forms';

export interface AcceptLabels {
  errorSummary: string;
  answers: string[];
  message: string;
  messageHint: string;
  submit: string;
}

export function AcceptForm({ locale, invitationId, offerId, questions, labels }: { locale: Locale; invitationId: string; offerId: string; questions: string[]; labels: AcceptLabels }) {
  const [state, action, pending] = useActionState(acceptInvitation, EMPTY_FORM);
  return (
    <form action={action} noValidate className={fieldStyles.form}>
      <ErrorSummary title={labels.errorSummary} errors={state.errors} message={state.message} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={invitationId} />
      <input type="hidden" name="offerId" value={offerId} />
      <input type="hidden" name="questions" value={questions.length} />
      {questions.map((q, i) => (
        <TextArea key={i} name={`answer${i}`} label={q} hint={labels.answers[i]} defaultValue={state.values[`answer${i}`]} error={state.errors[`answer${i}`]} maxLength={2000} rows={4} required />
      ))}
      <TextArea name="message" label={labels.message} hint={labels.messageHint} defaultValue={state.values.message} error={state.errors.message} maxLength={5000} rows={6} />
      <button type="submit" className={fieldStyles.primary} disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
