'use client';

import { useEffect, useRef } from 'react';
import styles from './fields.module.css';

/**
 * The errors of a submitted form, at its top, each linking to its field. Focused when it
 * appears, so a screen reader reads it and a keyboard user starts from it.
 */
export function ErrorSummary({ title, errors, message, fieldIds }: { title: string; errors: Record<string, string>; message?: string; fieldIds?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const shown = entries.length > 0 || Boolean(message);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, errors, message]);
  if (!shown) return null;
  return (
    <div ref={ref} className={styles.summary} role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className={styles.summaryTitle}>
        {entries.length ? title : message}
      </h2>
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
