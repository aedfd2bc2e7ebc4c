'use client';

import { useActionState } from 'react';
import { deleteAccount } from '../../../actions/space';
import { TextField } from '../../../../components/fields';
import fieldStyles from '../../../../components/fields.module.css';
import { ErrorSummary } from '../../../../components/error-summary';
import spaceStyles from '../../../../components/space/space.module.css';
import type { Locale } from '../../../../i18n/locales';
import { EMPTY_FORM } from '../../../../lib/forms';

export function DeleteAccountForm({ locale, labels }: { locale: Locale; labels: { errorSummary: string; password: string; confirm: string } }) {
  const [state, action, pending] = useActionState(deleteAccount, EMPTY_FORM);
  return (
    <form action={action} noValidate className={fieldStyles.form}>
      <ErrorSummary headingLevel={3} id="summary-delete" title={labels.errorSummary} errors={state.errors} message={state.message} />
      <input type="hidden" name="locale" value={locale} />
      <TextField name="password" type="password" label={labels.password} autoComplete="current-password" error={state.errors.password} required />
      <p>
        <button type="submit" className={spaceStyles.dangerButton} disabled={pending}>
          {labels.confirm}
        </button>
      </p>
    </form>
  );
}
