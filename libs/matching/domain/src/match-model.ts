import { Country } from '@alternance/platform/domain';
import { ContractType, HireContractType, RemotePolicy } from '@alternance/offers/domain';
import { EducationLevel, Gender, RemotePreference } from '@alternance/candidates/domain';
import { SkillLevel } from '@alternance/taxonomy/domain';

/** `YYYY-MM-DD`, read as a UTC calendar day. */
export type CalendarDay = string;

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface CandidateSkill {
  code: string;
  level: SkillLevel;
}

/**
 * What the matcher knows about a person. The last three fields are carried so that the
 * feature layer can hand over a whole profile, but neither eligibility nor the score reads
 * them; `disabilityRecognised` is read by the eligibility rules only (the age limit it lifts).
 */
export interface MatchCandidate {
  id: string;
  /** Unknown blocks contracts with an age condition (BIRTH_DATE_UNKNOWN), never guessed. */
  birthDate: CalendarDay | null;
  /** Registered with France Travail as a job seeker. */
  jobSeeker: boolean;
  /** RQTH (reconnaissance de la qualité de travailleur handicapé). */
  disabilityRecognised: boolean | null;
  educationLevel: EducationLevel;
  skills: readonly CandidateSkill[];
  desiredRomeCodes: readonly string[];
  /** Programs the person follows or targets. */
  programIds: readonly string[];
  location: GeoPoint | null;
  mobilityRadiusKm: number;
  remotePreference: RemotePreference;
  /** Null: available now. */
  availableFrom: CalendarDay | null;
  /**
   * Belongs to a public France Travail treats as a priority for POEI, which raises the
   * training-hours cap. Optional: absent means no.
   */
  poePriorityPublic?: boolean | null;
  gender: Gender | null;
  nationality: string | null;
  displayName: string;
}

export interface OfferSkill {
  code: string;
  level: SkillLevel;
  required: boolean;
}

export interface MatchHireContract {
  type: HireContractType;
  durationMonths: number | null;
}

export interface MatchOffer {
  id: string;
  country: Country;
  contractType: ContractType;
  /** The job a POEI promises; null otherwise. */
  hireContract: MatchHireContract | null;
  romeCode: string;
  skills: readonly OfferSkill[];
  /** Programs the employer accepts for the training part (school, POE training). */
  programIds: readonly string[];
  location: GeoPoint;
  remotePolicy: RemotePolicy;
  /** For POE offers the window is the start of the path: training first, then the hire. */
  startEarliest: CalendarDay;
  startLatest: CalendarDay;
}

export interface CompetencyBlock {
  code: string;
  title: string;
  skillCodes: readonly string[];
}

export interface MatchProgram {
  id: string;
  title?: string;
  openToApprenticeship: boolean;
  trainingHours: number;
  poeEligible: boolean;
  romeCodes: readonly string[];
  competencyBlocks: readonly CompetencyBlock[];
  /** POEI training given by a training organisation; absent or false: in-company tutoring only. */
  withTrainingOrganisation?: boolean;
}

/**
 * The referential data the rules read, shaped for constant-time lookups. Build it once per
 * data load with `buildMatchReference` and share it: the matcher caches its own derived
 * structures per reference object.
 */
export interface MatchReference {
  /** ROME code → skill codes flagged as core of the occupation (coeur de métier). */
  readonly coreSkills: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * ROME code → every skill on the occupation's sheet that is not core, in published order:
   * what an offer that lists no skill is matched on, with the core skills.
   */
  readonly otherSkills: ReadonlyMap<string, readonly string[]>;
  /** ROME code → neighbouring ROME code → published order number (1 = listed first). */
  readonly neighbours: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly programs: ReadonlyMap<string, MatchProgram>;
  /** Skill code → readable label, for explanations; optional. */
  readonly skillLabels: ReadonlyMap<string, string>;
}

export interface NeighbourLink {
  romeCode: string;
  neighbourRomeCode: string;
  order: number;
}

export interface MatchReferenceInput {
  coreSkills?: Iterable<readonly [string, Iterable<string>]>;
  /** Every skill of each occupation, core ones included (they are told apart by `coreSkills`). */
  occupationSkills?: Iterable<readonly [string, Iterable<string>]>;
  neighbours?: Iterable<NeighbourLink>;
  programs?: Iterable<MatchProgram>;
  skillLabels?: Iterable<readonly [string, string]>;
}

export function buildMatchReference(input: MatchReferenceInput): MatchReference {
  const coreSkills = new Map<string, Set<string>>();
  for (const [rome, codes] of input.coreSkills ?? []) {
    const set = coreSkills.get(rome) ?? new Set<string>();
    for (const code of codes) set.add(code);
    coreSkills.set(rome, set);
  }
  const neighbours = new Map<string, Map<string, number>>();
  for (const link of input.neighbours ?? []) {
    if (link.romeCode === link.neighbourRomeCode) continue;
    const targets = neighbours.get(link.romeCode) ?? new Map<string, number>();
    // A pair published twice keeps its best (lowest) order.
    const known = targets.get(link.neighbourRomeCode);
    if (known === undefined || link.order < known) targets.set(link.neighbourRomeCode, link.order);
    neighbours.set(link.romeCode, targets);
  }
  const otherSkills = new Map<string, string[]>();
  for (const [rome, codes] of input.occupationSkills ?? []) {
    const core = coreSkills.get(rome);
    const list = otherSkills.get(rome) ?? [];
    for (const code of codes) if (!core?.has(code) && !list.includes(code)) list.push(code);
    otherSkills.set(rome, list);
  }
  const programs = new Map<string, MatchProgram>();
  for (const program of input.programs ?? []) programs.set(program.id, program);
  return { coreSkills, otherSkills, neighbours, programs, skillLabels: new Map(input.skillLabels ?? []) };
}

/** A readable explanation line; contributions of a result's reasons add up to its score. */
export interface MatchReason {
  code: string;
  /** English. */
  label: string;
  labelFr: string;
  contribution: number;
}

export interface TrainingGap {
  /** Required skills the person does not hold at the needed level. */
  skills: { code: string; label: string | null }[];
  /** Offer programs within the legal training-hours cap whose blocks teach the whole gap, shortest first. */
  coveredBy: { id: string; trainingHours: number }[];
}

export interface MatchResult {
  /** The offer's id (matching offers for a candidate) or the candidate's (the other way). */
  id: string;
  /** 0 to 100, two decimals. */
  score: number;
  eligible: boolean;
  /** Failed eligibility rules first (contribution 0), then one line per score component. */
  reasons: MatchReason[];
  /** POEI/POEC offers only. */
  trainingGap: TrainingGap | null;
}

export interface MatchOptions {
  /** How many results; defaults to 20. */
  first?: number;
  /** Return ineligible pairs too, after every eligible one, with eligible:false. */
  includeIneligible?: boolean;
}
