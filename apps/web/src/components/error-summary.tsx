'use client';

import { useEffect, useRef } from 'react';
import styles from './fields.module.css';

/**
 * The errors of a submitted form, at its top, each linking to its field. Focused when it
 * appears, so a screen reader reads it and a keyboard user starts from it. A page with several
 * forms gives each summary its own `id` (and an `h3` under its section's `h2`).
 */
export function ErrorSummary({
  id = 'error-summary',
  headingLevel = 2,
  title,
  errors,
  message,
  fieldIds,
}: {
  id?: string;
  headingLevel?: 2 | 3;
  title: string;
  errors: Record<string, string>;
  message?: string;
  fieldIds?: Record<string, string>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const shown = entries.length > 0 || Boolean(message);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, errors, message]);
  if (!shown) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div ref={ref} className={styles.summary} role="alert" tabIndex={-1} aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className={styles.summaryTitle}>
        {entries.length ? title : message}
      </Heading>
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
