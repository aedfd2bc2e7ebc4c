/**
 * The profile's answers kept only with consent (disability recognition, gender and the priority
 * categories), read from the form's plain strings: a pure function, so the server action and its
 * unit test share it.
 */

export const GENDER = ['FEMALE', 'MALE', 'NON_BINARY', 'UNDISCLOSED'] as const;
export const QUALIFICATION = ['NONE', 'LEVEL_3', 'LEVEL_4', 'LEVEL_5', 'LEVEL_6', 'LEVEL_7', 'LEVEL_8'] as const;
export const SITUATION = ['STUDENT', 'JOB_SEEKER', 'EMPLOYED', 'OTHER'] as const;

/** The form's names of the answers that need consent. */
export const SENSITIVE_FIELDS = ['disabilityRecognised', 'gender', 'highestQualification', 'livesInQpv', 'internationalProtection', 'situationBefore'] as const;
export type SensitiveField = (typeof SENSITIVE_FIELDS)[number];

export interface SensitiveInput {
  sensitiveDataConsent: boolean;
  disabilityRecognised?: boolean | null;
  gender?: (typeof GENDER)[number] | null;
  highestQualification?: (typeof QUALIFICATION)[number] | null;
  livesInQpv?: boolean | null;
  internationalProtection?: boolean | null;
  situationBefore?: (typeof SITUATION)[number] | null;
}

export interface SensitiveAnswers {
  /** What the form shows again: the answers, or none of them once consent is withdrawn. */
  values: Record<'sensitiveDataConsent' | SensitiveField, string>;
  /** Answers given without consent (and none given before): point at the consent box. */
  consentNeeded: boolean;
  input: SensitiveInput;
}

function oneOf<T extends string>(values: readonly T[], value: string): T | undefined {
  return (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** `yes` → true, `no` → false, anything else (the "no answer" choice) → null: erased. */
function yesNo(value: string): boolean | null {
  return value === 'yes' ? true : value === 'no' ? false : null;
}

/**
 * With consent, each answer is sent as given, and "no answer" (or a value outside its list) as
 * null, which erases that one alone. Without consent, only `sensitiveDataConsent: false` is sent:
 * the API erases them all. Answering something other than "no" without consent, when none was
 * given before, is a mistake to point out; unticking a consent given before withdraws it.
 */
export function parseSensitiveAnswers(form: Record<string, string | undefined>, hadConsent: boolean): SensitiveAnswers {
  const get = (name: string) => (form[name] ?? '').trim();
  const consent = get('sensitiveDataConsent') === 'yes';
  const answers = {
    disabilityRecognised: get('disabilityRecognised'),
    gender: get('gender'),
    highestQualification: get('highestQualification'),
    livesInQpv: get('livesInQpv'),
    internationalProtection: get('internationalProtection'),
    situationBefore: get('situationBefore'),
  };
  const declared = {
    disabilityRecognised: yesNo(answers.disabilityRecognised),
    gender: oneOf(GENDER, answers.gender) ?? null,
    highestQualification: oneOf(QUALIFICATION, answers.highestQualification) ?? null,
    livesInQpv: yesNo(answers.livesInQpv),
    internationalProtection: yesNo(answers.internationalProtection),
    situationBefore: oneOf(SITUATION, answers.situationBefore) ?? null,
  };
  const giving =
    declared.disabilityRecognised === true ||
    (declared.gender !== null && declared.gender !== 'UNDISCLOSED') ||
    declared.highestQualification !== null ||
    declared.livesInQpv === true ||
    declared.internationalProtection === true ||
    declared.situationBefore !== null;
  const cleared = Object.fromEntries(SENSITIVE_FIELDS.map((f) => [f, ''])) as Record<SensitiveField, string>;
  return {
    values: consent ? { sensitiveDataConsent: 'yes', ...answers } : { sensitiveDataConsent: '', ...cleared },
    consentNeeded: !consent && giving && !hadConsent,
    input: consent ? { sensitiveDataConsent: true, ...declared } : { sensitiveDataConsent: false },
  };
}
