import type { ReactNode } from 'react';
import styles from './fields.module.css';

interface FieldBase {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  maxLength?: number;
  required?: boolean;
}

interface TextFieldProps extends FieldBase {
  type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'search';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email';
  min?: number;
  max?: number;
}

interface TextAreaProps extends FieldBase {
  rows?: number;
}

/**
 * A field's label, hint and error around its control; the control gets the attributes that tie
 * the hint and error to it, so screen readers read them with it.
 */
function FieldFrame({ field, children }: { field: FieldBase; children: (control: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; className: string }) => ReactNode }) {
  const id = `field-${field.name}`;
  const described = [field.hint ? `${id}-hint` : null, field.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={field.error ? `${styles.field} ${styles.invalid}` : styles.field}>
      <label htmlFor={id} className={styles.label}>
        {field.label}
      </label>
      {field.hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {field.hint}
        </p>
      ) : null}
      {field.error ? (
        <p id={`${id}-error`} className={styles.error}>
          {field.error}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': field.error ? true : undefined, 'aria-describedby': described, className: styles.input })}
    </div>
  );
}

export function TextField(props: TextFieldProps) {
  return (
    <FieldFrame field={props}>
      {(control) => (
        <input
          {...control}
          name={props.name}
          type={props.type ?? 'text'}
          defaultValue={props.defaultValue}
          autoComplete={props.autoComplete}
          required={props.required}
          inputMode={props.inputMode}
          maxLength={props.maxLength}
          min={props.min}
          max={props.max}
        />
      )}
    </FieldFrame>
  );
}

export function TextArea(props: TextAreaProps) {
  return (
    <FieldFrame field={props}>
      {(control) => <textarea {...control} name={props.name} defaultValue={props.defaultValue} maxLength={props.maxLength} rows={props.rows ?? 5} required={props.required} />}
    </FieldFrame>
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
