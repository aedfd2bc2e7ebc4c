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

/**
 * Highest qualification obtained (a diploma or certification, not a school year reached), on
 * the French scale: one of the priority categories (low or no qualification). Self-declared,
 * optional, for aggregate reporting only: never read by matching or search.
 */
export enum QualificationLevel {
  NONE = 'NONE',
  LEVEL_3 = 'LEVEL_3',
  LEVEL_4 = 'LEVEL_4',
  LEVEL_5 = 'LEVEL_5',
  LEVEL_6 = 'LEVEL_6',
  LEVEL_7 = 'LEVEL_7',
  LEVEL_8 = 'LEVEL_8',
}

/** What the person did before looking for an apprenticeship: for the impact report only. */
export enum SituationBefore {
  STUDENT = 'STUDENT',
  JOB_SEEKER = 'JOB_SEEKER',
  EMPLOYED = 'EMPLOYED',
  OTHER = 'OTHER',
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
  highestQualification?: QualificationLevel | null;
  livesInQpv?: boolean | null;
  internationalProtection?: boolean | null;
  situationBefore?: SituationBefore | null;
  sensitiveDataConsent?: boolean | null;
}

/** The declarations kept only with `sensitiveDataConsent` (everything but the consent itself). */
export type SensitiveField = Exclude<keyof SensitiveFields, 'sensitiveDataConsent'>;

/**
 * Why each declaration is asked, shown where it is asked (API descriptions, forms). None of
 * them is ever read by search, matching, notifications or logs, nor shown to employers.
 */
export const SENSITIVE_FIELD_REASONS: Readonly<Record<SensitiveField, string>> = {
  disabilityRecognised: 'A recognised disability lifts the apprenticeship age limit, and lets us check that every apprentice with a disability has a trained mentor.',
  gender: 'Counted in aggregate only, to measure the share of women in tech paths (goal 25%).',
  highestQualification:
    'People with low or no qualifications are a priority category: counted in aggregate only, to measure whether we reach them (goal: 70% of the people we train in at least one category).',
  livesInQpv:
    'Residents of priority urban areas (QPV) are a priority category: counted in aggregate only, to measure whether we reach them (goal: 70% in at least one category).',
  internationalProtection:
    'Refugees and beneficiaries of international protection are a priority category: counted in aggregate only, to measure whether we reach them (goal: 70% in at least one category).',
  situationBefore: 'Compared in aggregate with what people do after their apprenticeship, for the impact report.',
};

/** Every declaration consent covers, in the order they are asked. */
export const SENSITIVE_FIELDS = Object.keys(SENSITIVE_FIELD_REASONS) as readonly SensitiveField[];

/** The value a declaration takes when nothing is kept: every one of them is null. */
export function erasedSensitiveFields(): Record<SensitiveField, null> {
  return Object.fromEntries(SENSITIVE_FIELDS.map((f) => [f, null])) as Record<SensitiveField, null>;
}

/**
 * Disability status, gender and the priority categories (qualification, QPV, international
 * protection, situation before) are sensitive: kept only with the candidate's explicit
 * consent, which they can withdraw (withdrawing erases all of them); each can be erased on its
 * own by setting it to null. A "no" (false, undisclosed gender) needs no consent: nothing is
 * kept without it anyway.
 */
export function checkSensitiveConsent(input: SensitiveFields, storedConsent: boolean): FieldError[] {
  const consent = input.sensitiveDataConsent ?? storedConsent;
  const giving =
    input.disabilityRecognised === true ||
    (input.gender != null && input.gender !== Gender.UNDISCLOSED) ||
    input.highestQualification != null ||
    input.livesInQpv === true ||
    input.internationalProtection === true ||
    input.situationBefore != null;
  if (giving && !consent) {
    return [{ path: 'sensitiveDataConsent', message: 'must be true to record disability status, gender, qualification, QPV residence, international protection or situation before' }];
  }
  return [];
}
