import { Country } from '@alternance/platform/domain';
import { ContractType } from '@alternance/offers/domain';

/**
 * The legal conditions a pair must meet, one row per country and contract type, so that a
 * change of law is a change of one figure here. Ages are whole years at the contract start,
 * bounds inclusive ("29 ans révolus" = up to the day before the 30th birthday). Sources are
 * the texts in force when this table was written: re-read them when the law moves.
 */
export interface TrainingHoursCap {
  /** Training given in the company by a tutor only. */
  inCompanyOnly: number;
  /** Training given by a training organisation. */
  withTrainingOrganisation: number;
  /** With a training organisation, for France Travail's priority public. */
  priorityPublic: number;
}

export interface ContractRule {
  country: Country;
  contractType: ContractType;
  minAge: number | null;
  /** Lower minimum once lower secondary school (collège) is finished. */
  minAgeAfterLowerSecondary: number | null;
  maxAge: number | null;
  /** RQTH lifts the upper age limit. */
  maxAgeLiftedByRecognisedDisability: boolean;
  /** From this age the person must be a registered job seeker; 0: always; null: never. */
  jobSeekerRequiredFromAge: number | null;
  /** The accepted programs must be open to apprenticeship (RNCP "accès apprentissage"). */
  programsOpenToApprenticeship: boolean;
  /** Cap on the training hours of the path; null: no cap. */
  trainingHoursCap: TrainingHoursCap | null;
  /** The offer must promise a hire of at least this many months (a CDI always qualifies); null: no hire promised. */
  hireContractMinMonths: number | null;
  sources: readonly string[];
}

const NONE = { minAgeAfterLowerSecondary: null, maxAge: null, maxAgeLiftedByRecognisedDisability: false, jobSeekerRequiredFromAge: null, programsOpenToApprenticeship: false, trainingHoursCap: null, hireContractMinMonths: null };

export const CONTRACT_RULES: readonly ContractRule[] = [
  {
    ...NONE,
    country: Country.FR,
    contractType: ContractType.APPRENTICESHIP,
    minAge: 16, // Code du travail L6222-1
    minAgeAfterLowerSecondary: 15, // L6222-1 al. 2: 15 once the first cycle of secondary school is done
    maxAge: 29, // L6222-1: "vingt-neuf ans révolus" at the start
    maxAgeLiftedByRecognisedDisability: true, // L6222-2: no upper limit with RQTH
    programsOpenToApprenticeship: true, // L6211-1, L6113-5: an RNCP certification open to apprenticeship
    sources: ['Code du travail L6222-1', 'Code du travail L6222-2'],
  },
  {
    ...NONE,
    country: Country.FR,
    contractType: ContractType.PROFESSIONALISATION,
    minAge: 16, // L6325-1 1°: 16 to 25 "révolus"
    jobSeekerRequiredFromAge: 26, // L6325-1 2°: job seekers aged 26 or more
    sources: ['Code du travail L6325-1'],
  },
  {
    ...NONE,
    country: Country.FR,
    contractType: ContractType.POEI,
    minAge: null,
    jobSeekerRequiredFromAge: 0, // L6326-1: a registered job seeker
    trainingHoursCap: { inCompanyOnly: 300, withTrainingOrganisation: 450, priorityPublic: 600 }, // R6326-1..5 as the issue states them
    hireContractMinMonths: 6, // L6326-1: CDI, or CDD/professionalisation/apprenticeship of 6 months or more
    sources: ['Code du travail L6326-1', 'Code du travail R6326-1 to R6326-5'],
  },
  {
    ...NONE,
    country: Country.FR,
    contractType: ContractType.POEC,
    minAge: null,
    jobSeekerRequiredFromAge: 0, // L6326-3: registered job seekers
    trainingHoursCap: { inCompanyOnly: 400, withTrainingOrganisation: 400, priorityPublic: 400 }, // France Travail POEC rule: 400 h
    sources: ['Code du travail L6326-3'],
  },
  {
    ...NONE,
    country: Country.UK,
    contractType: ContractType.APPRENTICESHIP,
    minAge: 16, // Apprenticeship funding rules (England): 16 or over at the start, no upper limit
    sources: ['Apprenticeship funding rules (England), eligibility of apprentices'],
  },
  {
    ...NONE,
    country: Country.US,
    contractType: ContractType.APPRENTICESHIP,
    minAge: 16, // 29 CFR 29.5(b)(10): starting age not less than 16
    sources: ['29 CFR 29.5(b)(10)'],
  },
];

const BY_KEY = new Map(CONTRACT_RULES.map((rule) => [`${rule.country}:${rule.contractType}`, rule]));

/** Null when the contract does not exist in that country (a POEI in the US): never eligible. */
export function contractRuleFor(country: Country, contractType: ContractType): ContractRule | null {
  return BY_KEY.get(`${country}:${contractType}`) ?? null;
}

/** Whether the rule needs a birth date at all. */
export function isAgeBound(rule: ContractRule): boolean {
  return rule.minAge != null || rule.maxAge != null || (rule.jobSeekerRequiredFromAge ?? 0) > 0;
}
