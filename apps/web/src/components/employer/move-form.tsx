import { moveApplication } from '../../app/actions/employer';
import type { Locale } from '../../i18n/locales';
import type { EmployerMessages } from '../../i18n/messages/employer.fr';
import type { SpaceMessages } from '../../i18n/space-messages';
import styles from './employer.module.css';

const REASONS = ['SKILLS_MISMATCH', 'EXPERIENCE_MISMATCH', 'AVAILABILITY_MISMATCH', 'LOCATION_MISMATCH', 'POSITION_FILLED', 'NO_RESPONSE', 'OTHER'];

/**
 * Moves one application: a plain form with only the moves the API allows from where it is, a
 * reason when rejecting, and a note. No drag and drop: it works with a keyboard and without
 * JavaScript.
 */
export function MoveForm({
  locale,
  e,
  s,
  application,
  offerId,
  returnTo,
  view,
  reasonMissing,
}: {
  locale: Locale;
  e: EmployerMessages;
  s: SpaceMessages;
  application: { id: string; allowedMoves: readonly string[] };
  offerId: string;
  returnTo: 'board' | 'application';
  view?: string;
  reasonMissing?: boolean;
}) {
  const b = e.board;
  const moves = application.allowedMoves.filter((m) => m !== 'WITHDRAWN');
  if (!moves.length) return <p className={styles.move}>{b.noMoves}</p>;
  const id = `move-${application.id}`;
  return (
    <form action={moveApplication} className={styles.move}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={application.id} />
      <input type="hidden" name="offerId" value={offerId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {view ? <input type="hidden" name="view" value={view} /> : null}
      <label htmlFor={`${id}-status`}>{b.moveTo}</label>
      <select id={`${id}-status`} name="status">
        {moves.map((m) => (
          <option key={m} value={m}>
            {s.enums.applicationStatus[m] ?? m}
          </option>
        ))}
      </select>
      {moves.includes('REJECTED') ? (
        <>
          <label htmlFor={`${id}-reason`}>{b.reason}</label>
          <p id={`${id}-reason-hint`} className={reasonMissing ? undefined : 'visually-hidden'} role={reasonMissing ? 'alert' : undefined}>
            {reasonMissing ? b.reasonRequired : b.reasonHint}
          </p>
          <select id={`${id}-reason`} name="rejectionReason" aria-describedby={`${id}-reason-hint`} aria-invalid={reasonMissing ? true : undefined}>
            <option value="">{b.reasonNone}</option>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {s.enums.rejectionReason[r] ?? r}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <label htmlFor={`${id}-note`}>{b.note}</label>
      <input id={`${id}-note`} name="note" maxLength={2000} />
      <button type="submit">{b.move}</button>
    </form>
  );
}
