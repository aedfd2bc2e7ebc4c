'use client';

import { useActionState } from 'react';
import { inviteCandidate } from '../../app/actions/employer';
import type { Locale } from '../../i18n/locales';
import { EMPTY_FORM, type FormState } from '../../lib/forms';
import { ErrorSummary } from '../error-summary';
import { TextArea } from '../fields';
import fieldStyles from '../fields.module.css';
import { SelectField } from '../space/select-field';

export interface InviteLabels {
  errorSummary: string;
  offer: string;
  message: string;
  messageHint: string;
  send: string;
}

/** Invites the candidate to one of the organization's published offers, with a message. */
export function InviteForm({ locale, labels, candidateId, offers, initialOffer }: { locale: Locale; labels: InviteLabels; candidateId: string; offers: { value: string; label: string }[]; initialOffer?: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(inviteCandidate, EMPTY_FORM);
  const values: Record<string, string> = { offerId: initialOffer ?? '', ...state.values };
  return (
    <form action={action} noValidate className={fieldStyles.form}>
      <ErrorSummary headingLevel={3} id="invite-summary" title={labels.errorSummary} errors={state.errors} message={state.message} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="candidateId" value={candidateId} />
      <SelectField name="offerId" label={labels.offer} options={offers} defaultValue={values.offerId} error={state.errors.offerId} />
      <TextArea name="message" label={labels.message} hint={labels.messageHint} defaultValue={values.message} error={state.errors.message} maxLength={2000} rows={5} required />
      <p>
        <button type="submit" className={fieldStyles.primary} disabled={pending}>
          {labels.send}
        </button>
      </p>
    </form>
  );
}
