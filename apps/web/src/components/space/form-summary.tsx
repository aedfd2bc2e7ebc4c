'use client';

import { useEffect, useRef } from 'react';
import styles from '../fields.module.css';

/**
 * The errors of one of several forms on a page, each linking to its field; like ErrorSummary,
 * focused when it appears, but with its own id so two summaries never share one.
 */
export function FormSummary({ id, title, errors, message, fieldIds }: { id: string; title: string; errors: Record<string, string>; message?: string; fieldIds?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const shown = entries.length > 0 || Boolean(message);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, errors, message]);
  if (!shown) return null;
  return (
    <div ref={ref} className={styles.summary} role="alert" tabIndex={-1} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={styles.summaryTitle}>
        {entries.length ? title : message}
      </h3>
      {entries.length ? (
        <ul>
          {message ? <li>{message}</li> : null}
          {entries.map(([field, text]) => (
            <li key={field}>
              <a href={`#${fieldIds?.[field] ?? `field-${field}`}`}>{text}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
