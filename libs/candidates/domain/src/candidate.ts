import { FieldError, Viewer, ageOn, isStaff } from '@alternance/platform/domain';

export enum Visibility {
  /** Shown in the talent marketplace with name. */
  PUBLIC = 'PUBLIC',
  /** Shown without name or contact until the candidate accepts an invitation. */
  ANONYMOUS = 'ANONYMOUS',
  /** Never shown in the marketplace. */
  HIDDEN = 'HIDDEN',
}

export enum RemotePreference {
  ONSITE = 'ONSITE',
  HYBRID = 'HYBRID',
  REMOTE = 'REMOTE',
  ANY = 'ANY',
}

/**
 * Highest education reached, on the French scale of certification levels (level 3 = CAP,
 * 4 = baccalauréat, 5 = bac+2, 6 = bac+3, 7 = bac+5, 8 = doctorate).
 */
export enum EducationLevel {
  NONE = 'NONE',
  /** Finished lower secondary school (collège): matters for apprenticeship at 15. */
  LOWER_SECONDARY = 'LOWER_SECONDARY',
  LEVEL_3 = 'LEVEL_3',
  LEVEL_4 = 'LEVEL_4',
  LEVEL_5 = 'LEVEL_5',
  LEVEL_6 = 'LEVEL_6',
  LEVEL_7 = 'LEVEL_7',
  LEVEL_8 = 'LEVEL_8',
}

/** Self-declared, optional, for aggregate reporting only: never read by matching or search. */
export enum Gender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  NON_BINARY = 'NON_BINARY',
  UNDISCLOSED = 'UNDISCLOSED',
}

export const MAX_MOBILITY_RADIUS_KM = 1000;

/**
 * The candidate and staff read private fields; nobody else, employers above all.
 */
export function canReadPrivateFields(viewer: Viewer | null | undefined, candidateUserId: string): boolean {
  return !!viewer && (viewer.userId === candidateUserId || isStaff(viewer));
}

/** Whether the viewer may see who the candidate is (name, contact). */
export function canSeeIdentity(viewer: Viewer | null | undefined, candidateUserId: string, visibility: Visibility): boolean {
  if (canReadPrivateFields(viewer, candidateUserId)) return true;
  return visibility === Visibility.PUBLIC;
}

/** Whether the profile can be read at all by this viewer. */
export function canViewProfile(viewer: Viewer | null | undefined, candidateUserId: string, visibility: Visibility): boolean {
  if (canReadPrivateFields(viewer, candidateUserId)) return true;
  return !!viewer && viewer.role === 'EMPLOYER' && visibility !== Visibility.HIDDEN;
}

export function checkBirthDate(birthDate: string, today: Date, path = 'birthDate'): FieldError[] {
  const age = ageOn(new Date(`${birthDate}T00:00:00Z`), today);
  if (age < 14 || age > 100) return [{ path, message: 'gives an age outside 14 to 100 years' }];
  return [];
}

export interface SensitiveFields {
  disabilityRecognised?: boolean | null;
  gender?: Gender | null;
  sensitiveDataConsent?: boolean | null;
}

/**
 * Disability status and gender are special-category data: kept only with the candidate's
 * explicit consent, which they can withdraw (withdrawing erases both).
 */
export function checkSensitiveConsent(input: SensitiveFields, storedConsent: boolean): FieldError[] {
  const consent = input.sensitiveDataConsent ?? storedConsent;
  const giving = (input.disabilityRecognised != null && input.disabilityRecognised !== false) || (input.gender != null && input.gender !== Gender.UNDISCLOSED);
  if (giving && !consent) {
    return [{ path: 'sensitiveDataConsent', message: 'must be true to record disability status or gender' }];
  }
  return [];
}
