import { ContractType } from '@alternance/offers/domain';
import { Day, ageFromYmd, toDay } from './calendar';
import { ContractRule, isAgeBound } from './contract-rules';
import { MatchCandidate, MatchOffer, MatchReason, MatchReference } from './match-model';
import { PreparedCandidate, PreparedOffer, pairDistanceKm, prepareCandidateUncached, prepareOfferUncached } from './prepare';

export enum EligibilityCode {
  CONTRACT_NOT_AVAILABLE_IN_COUNTRY = 'CONTRACT_NOT_AVAILABLE_IN_COUNTRY',
  START_WINDOW_MISSED = 'START_WINDOW_MISSED',
  LOCATION_UNKNOWN = 'LOCATION_UNKNOWN',
  OUT_OF_MOBILITY_RADIUS = 'OUT_OF_MOBILITY_RADIUS',
  BIRTH_DATE_UNKNOWN = 'BIRTH_DATE_UNKNOWN',
  AGE_BELOW_MINIMUM = 'AGE_BELOW_MINIMUM',
  AGE_ABOVE_MAXIMUM = 'AGE_ABOVE_MAXIMUM',
  NOT_A_JOB_SEEKER = 'NOT_A_JOB_SEEKER',
  PROGRAM_NOT_OPEN_TO_APPRENTICESHIP = 'PROGRAM_NOT_OPEN_TO_APPRENTICESHIP',
  TRAINING_HOURS_ABOVE_CAP = 'TRAINING_HOURS_ABOVE_CAP',
  HIRE_CONTRACT_MISSING = 'HIRE_CONTRACT_MISSING',
  HIRE_CONTRACT_TOO_SHORT = 'HIRE_CONTRACT_TOO_SHORT',
}

/** A failed rule with the figures its label needs. */
export interface EligibilityFailure {
  code: EligibilityCode;
  /** The contract the rule belongs to: the offer's, or for a POEI the hire contract it leads to. */
  contract: ContractType;
  rule: ContractRule | null;
  age?: number;
  limit?: number;
  on?: string;
  distanceKm?: number;
  months?: number | null;
  country?: string;
}

export interface EligibilityResult {
  eligible: boolean;
  reasons: MatchReason[];
}

/**
 * Checks every legal and practical condition of a pair. With `failures` null it stops at the
 * first failed rule (the matcher's hot path, on flat numeric fields); with an array it
 * records them all, in the same order, for the explanation. One implementation serves both,
 * so they cannot disagree.
 */
export function checkEligibility(pc: PreparedCandidate, po: PreparedOffer, today: Day, failures: EligibilityFailure[] | null): boolean {
  if (!failures && !po.openToAnyone) return false;
  const rule = po.rule;
  const contract = po.offer.contractType;
  if (!rule) failures?.push({ code: EligibilityCode.CONTRACT_NOT_AVAILABLE_IN_COUNTRY, contract, rule, country: po.offer.country });
  let eligible = !!rule;
  // Distance first: it rules out most offers for a person, and the bounding box is cheap.
  // Hybrid counts as on site: the person still travels to the workplace on some days.
  if (!po.remote) {
    if (!pc.hasLocation) {
      if (!failures) return false;
      failures.push({ code: EligibilityCode.LOCATION_UNKNOWN, contract, rule });
      eligible = false;
    } else if (!withinRadius(pc, po)) {
      if (!failures) return false;
      failures.push({ code: EligibilityCode.OUT_OF_MOBILITY_RADIUS, contract, rule, distanceKm: pairDistanceKm(pc, po), limit: pc.radiusKm });
      eligible = false;
    }
  }
  // Nobody signs a contract that starts before today or before they are free.
  const readyN = Math.max(today.n, pc.availableN);
  if (!(po.latestN >= readyN) || Number.isNaN(po.earliestN)) {
    if (!failures) return false;
    failures.push({ code: EligibilityCode.START_WINDOW_MISSED, contract, rule, on: po.latest?.iso ?? po.offer.startLatest });
    eligible = false;
  }
  if (!rule) return false;
  const startYmd = contractStartYmd(today, pc.availableN, pc.availableYmd, po.earliestN, po.earliestYmd);
  if (!personMeetsRule(rule, contract, pc.jobSeeker, pc.birthYmd, pc.lowerSecondaryDone, pc.candidate.disabilityRecognised === true, startYmd, failures)) {
    if (!failures) return false;
    eligible = false;
  }
  if (po.listsPrograms) {
    if (rule.programsOpenToApprenticeship && po.usablePrograms.length === 0) {
      if (!failures) return false;
      failures.push({ code: EligibilityCode.PROGRAM_NOT_OPEN_TO_APPRENTICESHIP, contract, rule });
      eligible = false;
    } else if (pc.priority ? po.capBlocksPriority : po.capBlocksOrdinary) {
      if (!failures) return false;
      failures.push({ code: EligibilityCode.TRAINING_HOURS_ABOVE_CAP, contract, rule });
      eligible = false;
    }
  }
  if (rule.hireContractMinMonths != null && !hireContractHolds(pc, po, rule, startYmd, failures)) {
    if (!failures) return false;
    eligible = false;
  }
  return eligible;
}

function withinRadius(pc: PreparedCandidate, po: PreparedOffer): boolean {
  if (po.lat < pc.minLat || po.lat > pc.maxLat || po.lng < pc.minLng || po.lng > pc.maxLng) return false;
  return pairDistanceKm(pc, po) <= pc.radiusKm;
}

function isoOf(ymd: number): string {
  const s = String(ymd);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** The contract starts on the latest of today, the day the person is free and the offer's earliest start. */
export function contractStartYmd(today: Day, availableN: number, availableYmd: number, earliestN: number, earliestYmd: number): number {
  const readyN = Math.max(today.n, availableN);
  if (earliestN > readyN) return earliestYmd;
  return availableN > today.n ? availableYmd : today.ymd;
}

/**
 * Age, education and job-seeker conditions of one contract at its start, on plain values so
 * that the matcher can run it on flat columns as well as on a prepared person.
 */
export function personMeetsRule(
  rule: ContractRule,
  contract: ContractType,
  jobSeeker: boolean,
  birthYmd: number,
  lowerSecondaryDone: boolean,
  disabilityRecognised: boolean,
  startYmd: number,
  failures: EligibilityFailure[] | null,
): boolean {
  const jobSeekerAlways = rule.jobSeekerRequiredFromAge === 0;
  if (jobSeekerAlways && !jobSeeker) {
    if (!failures) return false;
    failures.push({ code: EligibilityCode.NOT_A_JOB_SEEKER, contract, rule });
  }
  let ok = !jobSeekerAlways || jobSeeker;
  if (!isAgeBound(rule)) return ok;
  if (Number.isNaN(birthYmd)) {
    failures?.push({ code: EligibilityCode.BIRTH_DATE_UNKNOWN, contract, rule });
    return false;
  }
  const age = ageFromYmd(birthYmd, startYmd);
  const minAge = rule.minAgeAfterLowerSecondary != null && lowerSecondaryDone ? rule.minAgeAfterLowerSecondary : rule.minAge;
  if (minAge != null && age < minAge) {
    if (!failures) return false;
    failures.push({ code: EligibilityCode.AGE_BELOW_MINIMUM, contract, rule, age, limit: minAge, on: isoOf(startYmd) });
    ok = false;
  }
  if (rule.maxAge != null && age > rule.maxAge && !(rule.maxAgeLiftedByRecognisedDisability && disabilityRecognised)) {
    if (!failures) return false;
    failures.push({ code: EligibilityCode.AGE_ABOVE_MAXIMUM, contract, rule, age, limit: rule.maxAge, on: isoOf(startYmd) });
    ok = false;
  }
  const fromAge = rule.jobSeekerRequiredFromAge;
  if (fromAge != null && fromAge > 0 && age >= fromAge && !jobSeeker) {
    if (!failures) return false;
    failures.push({ code: EligibilityCode.NOT_A_JOB_SEEKER, contract, rule, age, limit: fromAge, on: isoOf(startYmd) });
    ok = false;
  }
  return ok;
}

/**
 * A POEI promises a job: a CDI, or a fixed-term, professionalisation or apprenticeship
 * contract long enough. When the job is itself an apprenticeship or a professionalisation
 * contract, the person must also qualify for that contract. Checked at the start of the path,
 * an approximation: the hire comes after the training, whose length the offer does not give.
 */
function hireContractHolds(pc: PreparedCandidate, po: PreparedOffer, rule: ContractRule, startYmd: number, failures: EligibilityFailure[] | null): boolean {
  const hire = po.offer.hireContract;
  const contract = po.offer.contractType;
  if (!hire) {
    if (failures) failures.push({ code: EligibilityCode.HIRE_CONTRACT_MISSING, contract, rule });
    return false;
  }
  let ok = true;
  const minMonths = rule.hireContractMinMonths ?? 0;
  if (hire.type !== 'CDI' && (hire.durationMonths == null || hire.durationMonths < minMonths)) {
    if (!failures) return false;
    failures.push({ code: EligibilityCode.HIRE_CONTRACT_TOO_SHORT, contract, rule, limit: minMonths, months: hire.durationMonths });
    ok = false;
  }
  if (po.hireRule) {
    const hireContract = hire.type === 'APPRENTICESHIP' ? ContractType.APPRENTICESHIP : ContractType.PROFESSIONALISATION;
    if (!personMeetsRule(po.hireRule, hireContract, pc.jobSeeker, pc.birthYmd, pc.lowerSecondaryDone, pc.candidate.disabilityRecognised === true, startYmd, failures)) ok = false;
  }
  return ok;
}

/** Public entry: is this pair eligible, and if not, why (readable, in English and French). */
export function eligibility(candidate: MatchCandidate, offer: MatchOffer, reference: MatchReference, today: Date | string): EligibilityResult {
  const failures: EligibilityFailure[] = [];
  const eligible = checkEligibility(prepareCandidateUncached(candidate, reference), prepareOfferUncached(offer, reference), toDay(today), failures);
  return { eligible, reasons: failures.map(describeFailure) };
}

const CONTRACT_NAMES: Record<ContractType, { en: string; fr: string }> = {
  [ContractType.APPRENTICESHIP]: { en: 'an apprenticeship', fr: "un contrat d'apprentissage" },
  [ContractType.PROFESSIONALISATION]: { en: 'a professionalisation contract', fr: 'un contrat de professionnalisation' },
  [ContractType.POEI]: { en: 'a POEI', fr: 'une POEI' },
  [ContractType.POEC]: { en: 'a POEC', fr: 'une POEC' },
};

function sourceOf(f: EligibilityFailure): string {
  return f.rule ? ` (${f.rule.sources.join(', ')})` : '';
}

export function describeFailure(f: EligibilityFailure): MatchReason {
  const name = CONTRACT_NAMES[f.contract];
  const src = sourceOf(f);
  const [label, labelFr] = ((): [string, string] => {
    switch (f.code) {
      case EligibilityCode.CONTRACT_NOT_AVAILABLE_IN_COUNTRY:
        return [`${cap(name.en)} does not exist in ${f.country}`, `${cap(name.fr)} n'existe pas dans ce pays (${f.country})`];
      case EligibilityCode.START_WINDOW_MISSED:
        return [`Not available before the latest start date (${f.on})`, `Pas disponible avant la date de début au plus tard (${f.on})`];
      case EligibilityCode.LOCATION_UNKNOWN:
        return ['Location not given: the distance to this on-site job cannot be checked', 'Localisation non renseignée : la distance à ce poste sur site ne peut pas être vérifiée'];
      case EligibilityCode.OUT_OF_MOBILITY_RADIUS:
        return [`${Math.round(f.distanceKm ?? 0)} km away, beyond the ${f.limit} km the candidate can travel`, `À ${Math.round(f.distanceKm ?? 0)} km, au-delà des ${f.limit} km de mobilité du candidat`];
      case EligibilityCode.BIRTH_DATE_UNKNOWN:
        return [`Birth date unknown: the age condition of ${name.en} cannot be checked${src}`, `Date de naissance inconnue : la condition d'âge pour ${name.fr} ne peut pas être vérifiée${src}`];
      case EligibilityCode.AGE_BELOW_MINIMUM:
        return [`Aged ${f.age} on ${f.on}, below the minimum of ${f.limit} for ${name.en}${src}`, `${f.age} ans au ${f.on}, en dessous de l'âge minimum de ${f.limit} ans pour ${name.fr}${src}`];
      case EligibilityCode.AGE_ABOVE_MAXIMUM:
        return [`Aged ${f.age} on ${f.on}, above the maximum of ${f.limit} for ${name.en}${src}`, `${f.age} ans au ${f.on}, au-delà de l'âge maximum de ${f.limit} ans pour ${name.fr}${src}`];
      case EligibilityCode.NOT_A_JOB_SEEKER:
        return f.limit != null
          ? [`From ${f.limit}, ${name.en} is open to registered job seekers only${src}`, `À partir de ${f.limit} ans, ${name.fr} est réservé aux demandeurs d'emploi inscrits${src}`]
          : [`${cap(name.en)} is open to registered job seekers only${src}`, `${cap(name.fr)} est réservée aux demandeurs d'emploi inscrits${src}`];
      case EligibilityCode.PROGRAM_NOT_OPEN_TO_APPRENTICESHIP:
        return [`None of the offer's programs is open to apprenticeship${src}`, `Aucune formation de l'offre n'est ouverte à l'apprentissage${src}`];
      case EligibilityCode.TRAINING_HOURS_ABOVE_CAP:
        return [`Every program of the offer exceeds the training-hours cap of ${name.en} (${capText(f, 'en')})${src}`, `Toutes les formations de l'offre dépassent le plafond d'heures de formation pour ${name.fr} (${capText(f, 'fr')})${src}`];
      case EligibilityCode.HIRE_CONTRACT_MISSING:
        return [`${cap(name.en)} must lead to a hire, and the offer states none${src}`, `${cap(name.fr)} doit déboucher sur une embauche, et l'offre n'en indique pas${src}`];
      case EligibilityCode.HIRE_CONTRACT_TOO_SHORT:
        return [
          `The job after the training must be a CDI or last at least ${f.limit} months (offered: ${f.months != null ? `${f.months} months` : 'length not stated'})${src}`,
          `L'emploi après la formation doit être un CDI ou durer au moins ${f.limit} mois (proposé : ${f.months != null ? `${f.months} mois` : 'durée non précisée'})${src}`,
        ];
    }
  })();
  return { code: f.code, label, labelFr, contribution: 0 };
}

function capText(f: EligibilityFailure, lang: 'en' | 'fr'): string {
  const c = f.rule?.trainingHoursCap;
  if (!c) return '';
  if (c.inCompanyOnly === c.priorityPublic) return `${c.inCompanyOnly} h`;
  return lang === 'en'
    ? `${c.inCompanyOnly} h in-company, ${c.withTrainingOrganisation} h with a training organisation, ${c.priorityPublic} h for the priority public`
    : `${c.inCompanyOnly} h en interne, ${c.withTrainingOrganisation} h avec un organisme de formation, ${c.priorityPublic} h pour le public prioritaire`;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
