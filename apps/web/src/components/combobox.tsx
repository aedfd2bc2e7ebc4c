'use client';

import { useEffect, useId, useRef, useState } from 'react';
import styles from './combobox.module.css';

interface Option {
  label: string;
  value: string;
  /** What goes into the field when chosen. */
  fill: string;
}

interface ComboboxProps {
  id: string;
  name: string;
  label: string;
  /** Names the list of suggestions (differs from the field's label). */
  listLabel: string;
  hint: string;
  defaultValue: string;
  /** Which suggestions: `what` (job titles, occupations), `where` (communes) or `occupation` (job titles and occupations, with their ROME code). */
  source: 'what' | 'where' | 'occupation';
  locale: 'fr' | 'en';
  type?: 'search' | 'text';
  maxLength: number;
  inputClassName: string;
  hintClassName: string;
  /** "5 suggestions" and the like, in the page's language. */
  countText: { none: string; one: string; many: string };
  /** In a form: what is wrong with the value, tied to the field. */
  error?: string;
  errorClassName?: string;
  labelClassName?: string;
  className?: string;
}

/**
 * A text field with suggestions, after the ARIA 1.2 combobox pattern (list autocomplete): the
 * field keeps focus, arrows move through the list, Enter picks, Escape closes; a polite status
 * says how many suggestions there are. The field works as plain text without it.
 */
export function Combobox(props: ComboboxProps) {
  const [value, setValue] = useState(props.defaultValue);
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const statusId = useId();
  const request = useRef<AbortController | null>(null);
  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current) return;
    const text = value.trim();
    request.current?.abort();
    if (text.length < 2) {
      setOptions([]);
      setOpen(false);
      return;
    }
    const controller = new AbortController();
    request.current = controller;
    const timer = setTimeout(() => {
      fetch(`/api/suggest?${new URLSearchParams({ q: text, source: props.source, locale: props.locale })}`, { signal: controller.signal })
        .then((r) => (r.ok ? (r.json() as Promise<Option[]>) : []))
        .then((found) => {
          setOptions(found);
          setActive(-1);
          setOpen(found.length > 0);
        })
        .catch(() => undefined);
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value, props.source, props.locale]);

  function choose(option: Option) {
    typed.current = false;
    setValue(option.fill);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && options.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      choose(options[active]!);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const count = options.length === 0 ? props.countText.none : options.length === 1 ? props.countText.one : props.countText.many.replace('{n}', String(options.length));
  return (
    <div className={props.className ? `${styles.combobox} ${props.className}` : styles.combobox}>
      <label htmlFor={props.id} className={props.labelClassName}>
        {props.label}
      </label>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={value}
        maxLength={props.maxLength}
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={props.error ? `${props.id}-hint ${props.id}-error` : `${props.id}-hint`}
        aria-invalid={props.error ? true : undefined}
        className={props.inputClassName}
        onChange={(e) => {
          typed.current = true;
          setValue(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" aria-label={props.listLabel} className={styles.list} hidden={!open}>
        {options.map((option, i) => (
          <li
            key={`${option.value}-${i}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? styles.active : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(option);
            }}
          >
            {option.label}
          </li>
        ))}
      </ul>
      <p id={`${props.id}-hint`} className={props.hintClassName}>
        {props.hint}
      </p>
      {props.error ? (
        <p id={`${props.id}-error`} className={props.errorClassName}>
          {props.error}
        </p>
      ) : null}
      <p id={statusId} role="status" className="visually-hidden">
        {typed.current && value.trim().length >= 2 ? count : ''}
      </p>
    </div>
  );
}
