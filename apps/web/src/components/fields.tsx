import type { ReactNode } from 'react';
import styles from './fields.module.css';

interface TextFieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'search';
  autoComplete?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'text' | 'email';
  maxLength?: number;
  min?: number;
  max?: number;
}

/** A labelled input whose hint and error are tied to it, so screen readers read them with it. */
export function TextField(props: TextFieldProps) {
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.error ? `${styles.field} ${styles.invalid}` : styles.field}>
      <label htmlFor={id} className={styles.label}>
        {props.label}
      </label>
      {props.hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${id}-error`} className={styles.error}>
          {props.error}
        </p>
      ) : null}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete}
        required={props.required}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
        className={styles.input}
      />
    </div>
  );
}

interface TextAreaProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  maxLength?: number;
  rows?: number;
  required?: boolean;
}

export function TextArea(props: TextAreaProps) {
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.error ? `${styles.field} ${styles.invalid}` : styles.field}>
      <label htmlFor={id} className={styles.label}>
        {props.label}
      </label>
      {props.hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${id}-error`} className={styles.error}>
          {props.error}
        </p>
      ) : null}
      <textarea
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        maxLength={props.maxLength}
        rows={props.rows ?? 5}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
        className={styles.input}
      />
    </div>
  );
}

export function Fieldset({ legend, hint, error, children, name }: { legend: string; hint?: string; error?: string; children: ReactNode; name: string }) {
  const id = `fieldset-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={error ? `${styles.fieldset} ${styles.invalid}` : styles.fieldset} aria-describedby={described} id={id}>
      <legend className={styles.legend}>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={styles.error}>
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

export function Choice({ type, name, value, label, defaultChecked, hint }: { type: 'radio' | 'checkbox'; name: string; value: string; label: string; defaultChecked?: boolean; hint?: string }) {
  const id = `choice-${name}-${value}`;
  return (
    <div className={styles.choice}>
      <input id={id} type={type} name={name} value={value} defaultChecked={defaultChecked} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
