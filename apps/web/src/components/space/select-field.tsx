import fieldStyles from '../fields.module.css';

interface SelectFieldProps {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
  error?: string;
  defaultValue?: string;
}

/** A labelled select whose hint and error are tied to it, like the text fields of fields.tsx. */
export function SelectField(props: SelectFieldProps) {
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.error ? `${fieldStyles.field} ${fieldStyles.invalid}` : fieldStyles.field}>
      <label htmlFor={id} className={fieldStyles.label}>
        {props.label}
      </label>
      {props.hint ? (
        <p id={`${id}-hint`} className={fieldStyles.hint}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${id}-error`} className={fieldStyles.error}>
          {props.error}
        </p>
      ) : null}
      <select id={id} name={props.name} defaultValue={props.defaultValue} aria-invalid={props.error ? true : undefined} aria-describedby={described} className={fieldStyles.input}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
