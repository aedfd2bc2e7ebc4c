/**
 * The offer form (create and edit) as plain values: reading what was posted into the API's
 * input, and an offer back into the form's values. Pure, so the rules are tested alone; the
 * server action resolves the occupation and the commune through the API afterwards.
 */

export const CONTRACT_TYPES = ['APPRENTICESHIP', 'PROFESSIONALISATION', 'POEI', 'POEC'] as const;
export const REMOTE_POLICIES = ['ONSITE', 'HYBRID', 'REMOTE'] as const;
export const HIRE_TYPES = ['CDI', 'CDD', 'APPRENTICESHIP', 'PROFESSIONALISATION'] as const;
export const SALARY_PERIODS = ['MONTH', 'YEAR', 'HOUR'] as const;
export const MAX_QUESTIONS = 3;

/** Keys of the error messages (`offerForm.errors` in the catalogues). */
export type OfferFormError =
  | 'title'
  | 'occupation'
  | 'description'
  | 'contractType'
  | 'place'
  | 'remote'
  | 'date'
  | 'dateOrder'
  | 'number'
  | 'salaryOrder'
  | 'hireRequired'
  | 'hireOnlyPoei'
  | 'hireMonths'
  | 'question';

export interface ParsedOfferForm {
  /** What to ask the API, once `occupation` and `place` are resolved. */
  fields: {
    title: string;
    description: string;
    contractType: (typeof CONTRACT_TYPES)[number];
    remotePolicy: (typeof REMOTE_POLICIES)[number];
    positions: number;
    startDate: { earliest: string; latest: string };
    salary: { min?: number; max?: number; currency: 'EUR'; period: (typeof SALARY_PERIODS)[number] } | null;
    hireContract: { type: (typeof HIRE_TYPES)[number]; durationMonths?: number } | null;
    screeningQuestions: string[];
  };
  /** A ROME code as typed or chosen ("Boulanger (D1102)"), or the words to look it up by. */
  occupation: { code: string } | { words: string };
  /** A postcode as typed or chosen ("Lyon 03 (69003)"), or the words to look it up by. */
  place: { postcode: string; city?: string } | { words: string };
}

const ROME = /^[A-Z]\d{4}$/;
const ROME_AT_END = /\(([A-Z]\d{4})\)\s*$/;
const POSTCODE = /^\d{5}$/;
const POSTCODE_AT_END = /^(.*?)\s*\((\d{5})\)\s*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], value: string): T | null {
  return (values as readonly string[]).includes(value) ? (value as T) : null;
}

function isDate(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** An optional whole number: `undefined` when empty, `null` when not a whole number in range. */
function wholeNumber(value: string, min: number, max: number): number | undefined | null {
  if (!value) return undefined;
  if (!/^\d+$/.test(value.replace(/\s/g, ''))) return null;
  const n = Number(value.replace(/\s/g, ''));
  return n >= min && n <= max ? n : null;
}

export function readOccupation(value: string): ParsedOfferForm['occupation'] | null {
  const text = value.trim();
  if (!text) return null;
  const upper = text.toUpperCase();
  if (ROME.test(upper)) return { code: upper };
  const code = ROME_AT_END.exec(text);
  if (code) return { code: code[1]! };
  return { words: text };
}

export function readPlace(value: string): ParsedOfferForm['place'] | null {
  const text = value.trim();
  if (!text) return null;
  if (POSTCODE.test(text)) return { postcode: text };
  const named = POSTCODE_AT_END.exec(text);
  if (named) return named[1] ? { postcode: named[2]!, city: named[1] } : { postcode: named[2]! };
  return { words: text };
}

/** Reads a posted offer form; `errors` maps each field's name to what is wrong with it. */
export function parseOfferForm(values: Record<string, string>): { parsed: ParsedOfferForm | null; errors: Record<string, OfferFormError> } {
  const errors: Record<string, OfferFormError> = {};
  const v = (name: string) => (values[name] ?? '').trim();
  const title = v('title');
  if (title.length < 3 || title.length > 200) errors.title = 'title';
  const occupation = readOccupation(v('occupation'));
  if (!occupation) errors.occupation = 'occupation';
  const description = v('description');
  if (!description || description.length > 20_000) errors.description = 'description';
  const contractType = oneOf(CONTRACT_TYPES, v('contractType'));
  if (!contractType) errors.contractType = 'contractType';
  const place = readPlace(v('place'));
  if (!place) errors.place = 'place';
  const remotePolicy = oneOf(REMOTE_POLICIES, v('remotePolicy'));
  if (!remotePolicy) errors.remotePolicy = 'remote';
  const earliest = v('startEarliest');
  const latest = v('startLatest');
  if (!isDate(earliest)) errors.startEarliest = 'date';
  if (!isDate(latest)) errors.startLatest = 'date';
  else if (isDate(earliest) && latest < earliest) errors.startLatest = 'dateOrder';
  const positions = wholeNumber(v('positions'), 1, 100);
  if (positions === null) errors.positions = 'number';
  const salaryMin = wholeNumber(v('salaryMin'), 0, 1_000_000);
  const salaryMax = wholeNumber(v('salaryMax'), 0, 1_000_000);
  if (salaryMin === null) errors.salaryMin = 'number';
  if (salaryMax === null) errors.salaryMax = 'number';
  else if (salaryMin != null && salaryMax !== undefined && salaryMax < salaryMin) errors.salaryMax = 'salaryOrder';
  const period = oneOf(SALARY_PERIODS, v('salaryPeriod')) ?? 'MONTH';
  // The hire contract: required by a POEI, refused by anything else (the API says the same).
  const hireType = v('hireType') ? oneOf(HIRE_TYPES, v('hireType')) : null;
  const hireMonths = wholeNumber(v('hireMonths'), 1, 60);
  let hireContract: ParsedOfferForm['fields']['hireContract'] = null;
  if (contractType === 'POEI') {
    if (!hireType) errors.hireType = 'hireRequired';
    else if (hireType !== 'CDI' && !hireMonths) errors.hireMonths = 'hireMonths';
    else hireContract = hireType === 'CDI' ? { type: 'CDI' } : { type: hireType, durationMonths: hireMonths! };
  } else if (contractType && hireType) {
    errors.hireType = 'hireOnlyPoei';
  }
  if (hireMonths === null && !errors.hireMonths) errors.hireMonths = 'hireMonths';
  const screeningQuestions: string[] = [];
  for (let i = 0; i < MAX_QUESTIONS; i++) {
    const question = v(`question${i}`);
    if (question.length > 300) errors[`question${i}`] = 'question';
    else if (question) screeningQuestions.push(question);
  }
  if (Object.keys(errors).length) return { parsed: null, errors };
  return {
    parsed: {
      fields: {
        title,
        description,
        contractType: contractType!,
        remotePolicy: remotePolicy!,
        positions: positions ?? 1,
        startDate: { earliest, latest },
        salary: salaryMin !== undefined || salaryMax !== undefined ? { min: salaryMin ?? undefined, max: salaryMax ?? undefined, currency: 'EUR', period } : null,
        hireContract,
        screeningQuestions,
      },
      occupation: occupation!,
      place: place!,
    },
    errors,
  };
}

/** The form's values for an existing offer (to edit it, or to start a copy from it). */
export function offerFormValues(offer: {
  title: string;
  description: string;
  contractType: string;
  remotePolicy: string;
  positions: number;
  romeCode: string;
  occupationLabel?: string | null;
  startDate: { earliest: string; latest: string };
  location: { city?: string | null; postcode?: string | null };
  salary?: { min?: number | null; max?: number | null; period?: string | null } | null;
  hireContract?: { type: string; durationMonths?: number | null } | null;
  screeningQuestions: readonly string[];
}): Record<string, string> {
  const place = offer.location.postcode ? (offer.location.city ? `${offer.location.city} (${offer.location.postcode})` : offer.location.postcode) : (offer.location.city ?? '');
  return {
    title: offer.title,
    description: offer.description,
    contractType: offer.contractType,
    remotePolicy: offer.remotePolicy,
    positions: String(offer.positions),
    occupation: offer.occupationLabel ? `${offer.occupationLabel} (${offer.romeCode})` : offer.romeCode,
    startEarliest: offer.startDate.earliest.slice(0, 10),
    startLatest: offer.startDate.latest.slice(0, 10),
    place,
    salaryMin: offer.salary?.min != null ? String(offer.salary.min) : '',
    salaryMax: offer.salary?.max != null ? String(offer.salary.max) : '',
    salaryPeriod: offer.salary?.period ?? 'MONTH',
    hireType: offer.hireContract?.type ?? '',
    hireMonths: offer.hireContract?.durationMonths != null ? String(offer.hireContract.durationMonths) : '',
    ...Object.fromEntries(Array.from({ length: MAX_QUESTIONS }, (_, i) => [`question${i}`, offer.screeningQuestions[i] ?? ''])),
  };
}
