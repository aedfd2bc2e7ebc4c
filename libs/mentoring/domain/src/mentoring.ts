import { FieldError, isCalendarDate } from '@alternance/platform/domain';

/** A ROME 4.0 occupation code: a letter and four digits ("M1805"). */
export const ROME_CODE = /^[A-N]\d{4}$/;
/** A ROME skill code (digits), as the candidate profile's skills. */
export const SKILL_CODE = /^\d{1,12}$/;
/** A language as its ISO 639-1 code, lower case ("fr", "en", "ar"). */
export const LANGUAGE_CODE = /^[a-z]{2}$/;
/** Mentees a mentor may take at most, whatever they say. */
export const MAX_WEEKLY_CAPACITY = 20;
export const MAX_OCCUPATIONS = 10;
export const MAX_SKILLS = 60;
export const MAX_LANGUAGES = 10;
export const MAX_ACCOMMODATION_LENGTH = 1000;
/** Languages an apprentice is taken to speak until they say otherwise. */
export const DEFAULT_LANGUAGES: readonly string[] = ['fr'];

/** The contracts whose hired people are apprentices to mentor (every contract the offers know). */
export const MENTORED_CONTRACTS: readonly string[] = ['APPRENTICESHIP', 'PROFESSIONALISATION', 'POEI', 'POEC'];

export interface MentorProfileFields {
  occupations?: readonly string[];
  skills?: readonly string[];
  languages?: readonly string[];
  weeklyCapacity?: number;
  disabilityTrainedAt?: string | null;
}

/** Every problem of a mentor profile's fields at once ([] when it may be written). `today` is YYYY-MM-DD. */
export function checkMentorProfile(input: MentorProfileFields, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const list = (name: string, values: readonly string[] | undefined, pattern: RegExp, max: number, what: string) => {
    if (values === undefined) return;
    if (values.length > max) errors.push({ path: name, message: `must have at most ${max} entries` });
    values.forEach((v, i) => {
      if (!pattern.test(v)) errors.push({ path: `${name}[${i}]`, message: `must be ${what}` });
    });
    if (new Set(values).size !== values.length) errors.push({ path: name, message: 'must not repeat an entry' });
  };
  list('occupations', input.occupations, ROME_CODE, MAX_OCCUPATIONS, 'a ROME occupation code (e.g. M1805)');
  list('skills', input.skills, SKILL_CODE, MAX_SKILLS, 'a ROME skill code');
  list('languages', input.languages, LANGUAGE_CODE, MAX_LANGUAGES, 'an ISO 639-1 language code (e.g. fr)');
  if (input.languages !== undefined && input.languages.length === 0) errors.push({ path: 'languages', message: 'must name at least one language' });
  if (input.weeklyCapacity !== undefined && (!Number.isInteger(input.weeklyCapacity) || input.weeklyCapacity < 0 || input.weeklyCapacity > MAX_WEEKLY_CAPACITY)) {
    errors.push({ path: 'weeklyCapacity', message: `must be a whole number from 0 to ${MAX_WEEKLY_CAPACITY}` });
  }
  const day = input.disabilityTrainedAt;
  if (day !== undefined && day !== null) {
    if (!isCalendarDate(day)) errors.push({ path: 'disabilityTrainedAt', message: 'must be a date (YYYY-MM-DD)' });
    else if (day > today) errors.push({ path: 'disabilityTrainedAt', message: 'must not be in the future' });
  }
  return errors;
}

/** The mentees' languages, checked the same way. */
export function checkMenteeLanguages(languages: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  if (languages.length === 0) errors.push({ path: 'languages', message: 'must name at least one language' });
  if (languages.length > MAX_LANGUAGES) errors.push({ path: 'languages', message: `must have at most ${MAX_LANGUAGES} entries` });
  languages.forEach((l, i) => {
    if (!LANGUAGE_CODE.test(l)) errors.push({ path: `languages[${i}]`, message: 'must be an ISO 639-1 language code (e.g. fr)' });
  });
  if (new Set(languages).size !== languages.length) errors.push({ path: 'languages', message: 'must not repeat an entry' });
  return errors;
}

const REGION_DEPARTMENTS: Record<string, string[]> = {
  'Auvergne-Rhône-Alpes': ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'],
  'Bourgogne-Franche-Comté': ['21', '25', '39', '58', '70', '71', '89', '90'],
  Bretagne: ['22', '29', '35', '56'],
  'Centre-Val de Loire': ['18', '28', '36', '37', '41', '45'],
  Corse: ['2A', '2B'],
  'Grand Est': ['08', '10', '51', '52', '54', '55', '57', '67', '68', '88'],
  'Hauts-de-France': ['02', '59', '60', '62', '80'],
  'Île-de-France': ['75', '77', '78', '91', '92', '93', '94', '95'],
  Normandie: ['14', '27', '50', '61', '76'],
  'Nouvelle-Aquitaine': ['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87'],
  Occitanie: ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'],
  'Pays de la Loire': ['44', '49', '53', '72', '85'],
  "Provence-Alpes-Côte d'Azur": ['04', '05', '06', '13', '83', '84'],
  Guadeloupe: ['971'],
  Martinique: ['972'],
  Guyane: ['973'],
  'La Réunion': ['974'],
  Mayotte: ['976'],
};
const REGION_OF_DEPARTMENT = new Map(Object.entries(REGION_DEPARTMENTS).flatMap(([region, departments]) => departments.map((d): [string, string] => [d, region])));

/** The French region of a postcode (from its department), or null when unknown. */
export function regionOfPostcode(postcode: string | null | undefined): string | null {
  if (!postcode || !/^\d{5}$/.test(postcode)) return null;
  if (postcode.startsWith('97')) return REGION_OF_DEPARTMENT.get(postcode.slice(0, 3)) ?? null;
  if (postcode.startsWith('20')) return REGION_OF_DEPARTMENT.get(Number(postcode) < 20200 ? '2A' : '2B') ?? null;
  return REGION_OF_DEPARTMENT.get(postcode.slice(0, 2)) ?? null;
}

/** The texts of what mentors and apprentices are told; never a private field of the other person. */
export const mentorNotices = {
  toMentor: (apprenticeName: string, offerTitle: string) => ({
    title: `A new mentee: ${apprenticeName}`,
    body: `${apprenticeName} (${offerTitle}) is now your mentee. Their offer, training path and employer are under "My mentees".`,
  }),
  toApprentice: (mentorName: string) => ({
    title: `Your mentor: ${mentorName}`,
    body: `${mentorName} is your mentor for your apprenticeship. You choose, in your mentoring preferences, whether your mentor sees your accommodation needs.`,
  }),
};
