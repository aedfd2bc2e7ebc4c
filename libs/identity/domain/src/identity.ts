import { FieldError, Role } from '@alternance/platform/domain';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/** Roles a person may pick at sign-up; staff roles come from the CLI only. */
export const SELF_SERVICE_ROLES: readonly Role[] = [Role.CANDIDATE, Role.EMPLOYER];

/** Roles only staff create (the CLI and seeds): the staff roles and mentors. */
export const STAFF_CREATED_ROLES: readonly Role[] = [Role.RECRUITER, Role.ADMIN, Role.MENTOR];

/** A training date as a calendar day (YYYY-MM-DD), not in the future; [] when valid. */
export function checkTrainingDay(day: string, today: string, path: string): FieldError[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    return [{ path, message: 'must be a date (YYYY-MM-DD)' }];
  }
  if (day > today) return [{ path, message: 'must not be in the future' }];
  return [];
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function checkPassword(password: string, email: string, path = 'password'): FieldError[] {
  if (password.length < MIN_PASSWORD_LENGTH) return [{ path, message: `must be at least ${MIN_PASSWORD_LENGTH} characters` }];
  if (password.length > MAX_PASSWORD_LENGTH) return [{ path, message: `must be at most ${MAX_PASSWORD_LENGTH} characters` }];
  if (normaliseEmail(password) === normaliseEmail(email)) return [{ path, message: 'must not be your email address' }];
  if (new Set(password).size < 4) return [{ path, message: 'is too repetitive' }];
  return [];
}
