import { FieldError, Role } from '@alternance/platform/domain';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/** Roles a person may pick at sign-up; staff roles come from the CLI only. */
export const SELF_SERVICE_ROLES: readonly Role[] = [Role.CANDIDATE, Role.EMPLOYER];

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
