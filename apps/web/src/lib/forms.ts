/** What a form action answers: the values to show again, and each field's error in words. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** An error that belongs to no one field (shown at the top). */
  message?: string;
  /** A success message, when the form stays on the page. */
  done?: string;
}

export const EMPTY_FORM: FormState = { values: {}, errors: {} };

export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A path on this site to go back to after signing in; anything else is ignored. */
export function safeReturnPath(value: string): string | null {
  return /^\/(?!\/)[^\s\\]*$/.test(value) ? value : null;
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
