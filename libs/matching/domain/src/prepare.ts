import { ContractType, RemotePolicy } from '@alternance/offers/domain';
import { EducationLevel, RemotePreference } from '@alternance/candidates/domain';
import { SKILL_LEVEL_RANK, SkillLevel } from '@alternance/taxonomy/domain';
import { Day, parseDay } from './calendar';
import { ContractRule, TrainingHoursCap, contractRuleFor } from './contract-rules';
import { MatchCandidate, MatchOffer, MatchProgram, MatchReference } from './match-model';
import { MATCH_WEIGHTS, neighbourPercent } from './weights';

/**
 * Everything a pair needs that depends on one side only is worked out once per offer and
 * once per candidate, with codes turned into small integers, so that a pair costs a few
 * array reads and integer operations: a query runs over 100,000 offers or 200,000 people.
 */

/** Interned codes and derived lookups, one per reference object. */
export interface MatchContext {
  reference: MatchReference;
  skillIds: Map<string, number>;
  skillCodes: string[];
  romeIds: Map<string, number>;
  romeCodes: string[];
  /** ROME id → (ROME id → occupation credit in percent), itself at 100. */
  occupationCredit: Map<number, Map<number, number>>;
  /** Both published directions of the ROME mobility links. */
  reverseNeighbours: Map<string, Map<string, number>>;
  programSkills: Map<string, Set<number>>;
  offers: WeakMap<MatchOffer, PreparedOffer>;
  candidates: WeakMap<MatchCandidate, PreparedCandidate>;
  /** Per input array: see pools.ts. */
  pools: WeakMap<object, unknown>;
}

const contexts = new WeakMap<MatchReference, MatchContext>();

export function matchContext(reference: MatchReference): MatchContext {
  let context = contexts.get(reference);
  if (!context) {
    const reverseNeighbours = new Map<string, Map<string, number>>();
    for (const [from, targets] of reference.neighbours) {
      for (const [to, order] of targets) {
        const back = reverseNeighbours.get(to) ?? new Map<string, number>();
        back.set(from, Math.min(order, back.get(from) ?? Infinity));
        reverseNeighbours.set(to, back);
      }
    }
    context = {
      reference,
      skillIds: new Map(),
      skillCodes: [],
      romeIds: new Map(),
      romeCodes: [],
      occupationCredit: new Map(),
      reverseNeighbours,
      programSkills: new Map(),
      offers: new WeakMap(),
      candidates: new WeakMap(),
      pools: new WeakMap(),
    };
    contexts.set(reference, context);
  }
  return context;
}

function intern(ids: Map<string, number>, codes: string[], code: string): number {
  let id = ids.get(code);
  if (id === undefined) {
    id = codes.length;
    ids.set(code, id);
    codes.push(code);
  }
  return id;
}

export function skillId(context: MatchContext, code: string): number {
  return intern(context.skillIds, context.skillCodes, code);
}

export function romeId(context: MatchContext, code: string): number {
  return intern(context.romeIds, context.romeCodes, code);
}

/**
 * A link published in either direction makes two occupations neighbours (the ROME lists
 * where one can move from an occupation; the move back is as plausible), at the better order,
 * so the credit is the same whichever side asks.
 */
export function occupationCredit(context: MatchContext, rome: number): Map<number, number> {
  let credit = context.occupationCredit.get(rome);
  if (!credit) {
    const code = context.romeCodes[rome];
    const orders = new Map<string, number>();
    for (const links of [context.reference.neighbours.get(code), context.reverseNeighbours.get(code)]) {
      for (const [other, order] of links ?? []) orders.set(other, Math.min(order, orders.get(other) ?? Infinity));
    }
    credit = new Map<number, number>();
    for (const [other, order] of orders) credit.set(romeId(context, other), neighbourPercent(order));
    credit.set(rome, 100);
    context.occupationCredit.set(rome, credit);
  }
  return credit;
}

function programSkills(context: MatchContext, program: MatchProgram): Set<number> {
  let skills = context.programSkills.get(program.id);
  if (!skills) {
    skills = new Set<number>();
    for (const block of program.competencyBlocks) for (const code of block.skillCodes) skills.add(skillId(context, code));
    context.programSkills.set(program.id, skills);
  }
  return skills;
}

export function skillRank(level: SkillLevel): number {
  return SKILL_LEVEL_RANK[level] ?? 1;
}

const EDUCATION_ORDER: readonly EducationLevel[] = [
  EducationLevel.NONE,
  EducationLevel.LOWER_SECONDARY,
  EducationLevel.LEVEL_3,
  EducationLevel.LEVEL_4,
  EducationLevel.LEVEL_5,
  EducationLevel.LEVEL_6,
  EducationLevel.LEVEL_7,
  EducationLevel.LEVEL_8,
];

export const REMOTE_POLICIES: readonly RemotePolicy[] = [RemotePolicy.ONSITE, RemotePolicy.HYBRID, RemotePolicy.REMOTE];
export const REMOTE_PREFERENCES: readonly RemotePreference[] = [RemotePreference.ONSITE, RemotePreference.HYBRID, RemotePreference.REMOTE, RemotePreference.ANY];

/** An offer program the person could actually use for this contract. */
export interface UsableProgram {
  program: MatchProgram;
  /** Per offer skill slot: 1 when the program's blocks teach that skill. */
  teaches: Uint8Array;
}

const RAD = Math.PI / 180;

/**
 * Skill slots pack a skill id, the needed level (1-4) and the weight (1-2) in one integer:
 * `id << 5 | need << 2 | weight`. Required slots come first.
 */
export const slotSkill = (slot: number): number => slot >>> 5;
export const slotNeed = (slot: number): number => (slot >>> 2) & 7;
export const slotWeight = (slot: number): number => slot & 3;

export interface PreparedOffer {
  offer: MatchOffer;
  rule: ContractRule | null;
  earliest: Day | null;
  latest: Day | null;
  /** Day numbers and yyyymmdd of the window, NaN when not a calendar day: flat for the hot path. */
  earliestN: number;
  earliestYmd: number;
  latestN: number;
  /** False when no person can take this offer (no such contract here, program or hire contract unfit). */
  openToAnyone: boolean;
  /** The offer names programs and none is usable under the ordinary / priority training cap. */
  capBlocksOrdinary: boolean;
  capBlocksPriority: boolean;
  remote: boolean;
  remoteIndex: number;
  lat: number;
  lng: number;
  cosLat: number;
  rome: number;
  slots: Int32Array;
  requiredCount: number;
  /**
   * How many required slots the person must hold at the needed level for the full required
   * points and an empty gap: every listed one, or `expectedCoreSkills` of the occupation's.
   */
  requiredQuota: number;
  /** Weighted credit (percent) of the full points; a person may hold more than the quota, the excess earns nothing. */
  requiredDenominator: number;
  niceDenominator: number;
  /** The offer lists no required skill: its occupation's core skills are expected instead. */
  requiredFromOccupation: boolean;
  /** The offer lists no skill at all: its occupation's other skills are its nice-to-have ones. */
  niceFromOccupation: boolean;
  listsPrograms: boolean;
  /** Programs usable for this contract: for POE, within the cap for the ordinary / priority public. */
  usablePrograms: readonly UsableProgram[];
  usableProgramsPriority: readonly UsableProgram[];
  /** For a POEI leading to an apprenticeship or professionalisation contract: that contract's rule. */
  hireRule: ContractRule | null;
}

function poeCap(cap: TrainingHoursCap, program: MatchProgram, priority: boolean): number {
  // Unknown counts as in-company tutoring: the lowest cap, so a pair is never wrongly eligible.
  if (!program.withTrainingOrganisation) return cap.inCompanyOnly;
  return priority ? cap.priorityPublic : cap.withTrainingOrganisation;
}

function usablePrograms(rule: ContractRule | null, programs: MatchProgram[], priority: boolean): MatchProgram[] {
  if (!rule) return programs;
  const cap = rule.trainingHoursCap;
  return programs.filter((program) => {
    if (rule.programsOpenToApprenticeship && !program.openToApprenticeship) return false;
    if (cap && (!program.poeEligible || program.trainingHours > poeCap(cap, program, priority))) return false;
    return true;
  });
}

export function prepareOffer(offer: MatchOffer, reference: MatchReference): PreparedOffer {
  return cachedOffer(offer, matchContext(reference));
}

export function cachedOffer(offer: MatchOffer, context: MatchContext): PreparedOffer {
  let prepared = context.offers.get(offer);
  if (!prepared) {
    prepared = buildOffer(offer, context);
    context.offers.set(offer, prepared);
  }
  return prepared;
}

/** Skips the cache: the naive reference implementation must not share work with the fast path. */
export function prepareOfferUncached(offer: MatchOffer, reference: MatchReference): PreparedOffer {
  return buildOffer(offer, matchContext(reference));
}

/**
 * An offer is matched on the skills it lists; what it leaves out comes from its occupation's
 * ROME sheet. Listing nothing must not be worth more than listing what the job needs: an
 * offer that requires no skill still is a job in its occupation, which requires the core
 * skills (at any level); one that lists no skill at all has the sheet's other skills as nice
 * to have. A skill the employer lists as nice to have stays so.
 */
function offerSkills(offer: MatchOffer, reference: MatchReference): { required: SkillNeed[]; nice: SkillNeed[]; requiredFromOccupation: boolean; niceFromOccupation: boolean } {
  const listedRequired = dedupe(offer.skills.filter((s) => s.required));
  const listed = new Set(offer.skills.map((s) => s.code));
  const requiredFromOccupation = listedRequired.length === 0;
  const required = requiredFromOccupation ? expected(reference.coreSkills.get(offer.romeCode) ?? [], listed) : listedRequired;
  const requiredCodes = new Set(required.map((s) => s.code));
  const niceFromOccupation = offer.skills.length === 0;
  const nice = niceFromOccupation
    ? expected(reference.otherSkills.get(offer.romeCode) ?? [], listed)
    : dedupe(offer.skills.filter((s) => !s.required && !requiredCodes.has(s.code)));
  return { required, nice, requiredFromOccupation, niceFromOccupation };
}

interface SkillNeed {
  code: string;
  level: SkillLevel;
}

function expected(codes: Iterable<string>, listed: ReadonlySet<string>): SkillNeed[] {
  const needs: SkillNeed[] = [];
  for (const code of codes) if (!listed.has(code)) needs.push({ code, level: SkillLevel.BEGINNER });
  return needs;
}

function buildOffer(offer: MatchOffer, context: MatchContext): PreparedOffer {
  const rule = contractRuleFor(offer.country, offer.contractType);
  const core = context.reference.coreSkills.get(offer.romeCode);
  const { required, nice, requiredFromOccupation, niceFromOccupation } = offerSkills(offer, context.reference);
  const ordered = [...required, ...nice];
  const slots = new Int32Array(ordered.length);
  const { coreSkillWeight, otherSkillWeight, expectedCoreSkills, expectedOtherSkills } = MATCH_WEIGHTS.skills;
  let requiredDenominator = 0;
  let niceDenominator = 0;
  ordered.forEach((skill, slot) => {
    const weight = core?.has(skill.code) ? coreSkillWeight : otherSkillWeight;
    slots[slot] = (skillId(context, skill.code) << 5) | (skillRank(skill.level) << 2) | weight;
    if (slot < required.length) requiredDenominator += weight * 100;
    else niceDenominator += weight * 100;
  });
  // Skills from the occupation are all core (required) or all not (nice): equal weights.
  const requiredQuota = requiredFromOccupation ? Math.min(required.length, expectedCoreSkills) : required.length;
  if (requiredFromOccupation) requiredDenominator = requiredQuota * coreSkillWeight * 100;
  if (niceFromOccupation) niceDenominator = Math.min(nice.length, expectedOtherSkills) * otherSkillWeight * 100;
  // Ids the reference does not know count as unusable: a program that cannot be checked is not trusted.
  const known = [...new Set(offer.programIds)].map((id) => context.reference.programs.get(id)).filter((p): p is MatchProgram => !!p);
  const usable = (priority: boolean): UsableProgram[] =>
    usablePrograms(rule, known, priority).map((program) => {
      const skills = programSkills(context, program);
      return { program, teaches: Uint8Array.from(slots, (slot) => (skills.has(slotSkill(slot)) ? 1 : 0)) };
    });
  const ordinary = usable(false);
  const priorityPrograms = rule?.trainingHoursCap ? usable(true) : ordinary;
  const earliest = parseDay(offer.startEarliest);
  const latest = parseDay(offer.startLatest);
  const hire = offer.hireContract;
  const hireContract = hire?.type === 'APPRENTICESHIP' ? ContractType.APPRENTICESHIP : hire?.type === 'PROFESSIONALISATION' ? ContractType.PROFESSIONALISATION : null;
  const lat = offer.location.lat;
  return {
    offer,
    rule,
    earliest,
    latest,
    earliestN: earliest?.n ?? NaN,
    earliestYmd: earliest?.ymd ?? NaN,
    latestN: latest?.n ?? NaN,
    openToAnyone:
      !!rule &&
      !(rule.programsOpenToApprenticeship && offer.programIds.length > 0 && ordinary.length === 0) &&
      !(rule.trainingHoursCap && offer.programIds.length > 0 && priorityPrograms.length === 0) &&
      hireContractFits(rule, hire),
    capBlocksOrdinary: !!rule?.trainingHoursCap && offer.programIds.length > 0 && ordinary.length === 0,
    capBlocksPriority: !!rule?.trainingHoursCap && offer.programIds.length > 0 && priorityPrograms.length === 0,
    remote: offer.remotePolicy === RemotePolicy.REMOTE,
    remoteIndex: Math.max(0, REMOTE_POLICIES.indexOf(offer.remotePolicy)),
    lat,
    lng: offer.location.lng,
    cosLat: Math.cos(lat * RAD),
    rome: romeId(context, offer.romeCode),
    slots,
    requiredCount: required.length,
    requiredQuota,
    requiredDenominator,
    niceDenominator,
    requiredFromOccupation,
    niceFromOccupation,
    listsPrograms: offer.programIds.length > 0,
    usablePrograms: ordinary,
    usableProgramsPriority: priorityPrograms,
    hireRule: rule?.hireContractMinMonths != null && hireContract ? contractRuleFor(offer.country, hireContract) : null,
  };
}

/** A CDI always; otherwise a stated length of at least the rule's minimum. */
export function hireContractFits(rule: ContractRule, hire: MatchOffer['hireContract']): boolean {
  if (rule.hireContractMinMonths == null) return true;
  if (!hire) return false;
  return hire.type === 'CDI' || (hire.durationMonths != null && hire.durationMonths >= rule.hireContractMinMonths);
}

/** Same code twice: the highest level counts. */
function dedupe<T extends { code: string; level: SkillLevel }>(skills: readonly T[]): T[] {
  const byCode = new Map<string, T>();
  for (const skill of skills) {
    const seen = byCode.get(skill.code);
    if (!seen || skillRank(skill.level) > skillRank(seen.level)) byCode.set(skill.code, skill);
  }
  return [...byCode.values()];
}

export interface PreparedCandidate {
  candidate: MatchCandidate;
  birth: Day | null;
  available: Day | null;
  /** yyyymmdd of birth, NaN when unknown; day number and yyyymmdd of availability, -Infinity/NaN when now. */
  birthYmd: number;
  availableN: number;
  availableYmd: number;
  /** Finished lower secondary school (collège) or higher. */
  lowerSecondaryDone: boolean;
  jobSeeker: boolean;
  priority: boolean;
  hasLocation: boolean;
  lat: number;
  lng: number;
  cosLat: number;
  radiusKm: number;
  /** Bounding box of the radius, to skip most far offers without trigonometry. */
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
  /** `skill id << 3 | level rank`, one per distinct skill. */
  skills: Int32Array;
  desiredRomes: Int32Array;
  programIds: readonly string[];
  remoteIndex: number;
}

const KM_PER_DEGREE_LAT = 111.19;

export function prepareCandidate(candidate: MatchCandidate, reference: MatchReference): PreparedCandidate {
  return cachedCandidate(candidate, matchContext(reference));
}

export function cachedCandidate(candidate: MatchCandidate, context: MatchContext): PreparedCandidate {
  let prepared = context.candidates.get(candidate);
  if (!prepared) {
    prepared = buildCandidate(candidate, context);
    context.candidates.set(candidate, prepared);
  }
  return prepared;
}

/** Skips the cache: the naive reference implementation must not share work with the fast path. */
export function prepareCandidateUncached(candidate: MatchCandidate, reference: MatchReference): PreparedCandidate {
  return buildCandidate(candidate, matchContext(reference));
}

function buildCandidate(candidate: MatchCandidate, context: MatchContext): PreparedCandidate {
  // Plain loops into preallocated typed arrays: this runs once per profile, 200,000 times.
  const packed = new Int32Array(candidate.skills.length);
  let distinct = 0;
  for (const skill of candidate.skills) {
    const id = skillId(context, skill.code);
    const rank = skillRank(skill.level);
    let k = 0;
    while (k < distinct && packed[k] >>> 3 !== id) k++;
    if (k === distinct) packed[distinct++] = (id << 3) | rank;
    else if (rank > (packed[k] & 7)) packed[k] = (id << 3) | rank;
  }
  const desired = candidate.desiredRomeCodes;
  const desiredRomes = new Int32Array(desired.length);
  let wishes = 0;
  for (const code of desired) {
    const id = romeId(context, code);
    if (!desiredRomes.subarray(0, wishes).includes(id)) desiredRomes[wishes++] = id;
  }
  const location = candidate.location;
  const radiusKm = Math.max(0, candidate.mobilityRadiusKm);
  const hasLocation = !!location && Number.isFinite(location.lat) && Number.isFinite(location.lng);
  const lat = hasLocation ? location.lat : 0;
  const lng = hasLocation ? location.lng : 0;
  // Widened a little so the box never rejects what the exact distance would accept.
  const dLat = (radiusKm * 1.01) / KM_PER_DEGREE_LAT + 1e-6;
  const cosEdge = Math.cos(Math.min(90, Math.abs(lat) + dLat) * RAD);
  const dLng = cosEdge > 1e-9 ? (radiusKm * 1.01) / (KM_PER_DEGREE_LAT * cosEdge) + 1e-6 : 360;
  const wraps = lng - dLng < -180 || lng + dLng > 180;
  const birth = parseDay(candidate.birthDate);
  const available = parseDay(candidate.availableFrom);
  return {
    candidate,
    birth,
    available,
    birthYmd: birth?.ymd ?? NaN,
    availableN: available?.n ?? -Infinity,
    availableYmd: available?.ymd ?? NaN,
    lowerSecondaryDone: EDUCATION_ORDER.indexOf(candidate.educationLevel) >= EDUCATION_ORDER.indexOf(EducationLevel.LOWER_SECONDARY),
    jobSeeker: candidate.jobSeeker === true,
    priority: candidate.poePriorityPublic === true,
    hasLocation,
    lat,
    lng,
    cosLat: Math.cos(lat * RAD),
    radiusKm,
    minLat: lat - dLat,
    maxLat: lat + dLat,
    minLng: wraps ? -Infinity : lng - dLng,
    maxLng: wraps ? Infinity : lng + dLng,
    skills: distinct === packed.length ? packed : packed.slice(0, distinct),
    desiredRomes: wishes === desiredRomes.length ? desiredRomes : desiredRomes.slice(0, wishes),
    programIds: candidate.programIds,
    remoteIndex: Math.max(0, REMOTE_PREFERENCES.indexOf(candidate.remotePreference)),
  };
}

export function programsFor(offer: PreparedOffer, candidate: PreparedCandidate): readonly UsableProgram[] {
  return candidate.priority ? offer.usableProgramsPriority : offer.usablePrograms;
}

/** The best occupation credit of the person's wishes for the offer's occupation, without per-query tables. */
export function occupationPercent(context: MatchContext, pc: PreparedCandidate, po: PreparedOffer): number {
  let best = 0;
  for (let i = 0; i < pc.desiredRomes.length; i++) best = Math.max(best, occupationCredit(context, pc.desiredRomes[i]).get(po.rome) ?? 0);
  return best;
}

const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance from the person to the job: the platform's `distanceKm` formula with
 * each side's cosine of latitude computed once. Always measured in this direction so both
 * match directions get the same figure.
 */
export function pairDistanceKm(pc: PreparedCandidate, po: PreparedOffer): number {
  // Eligibility and the score both ask for the same pair in a row: remember the last answer.
  if (pc === lastPair.pc && po === lastPair.po) return lastPair.km;
  const km = greatCircleKm(pc.lat, pc.lng, pc.cosLat, po.lat, po.lng, po.cosLat);
  lastPair.pc = pc;
  lastPair.po = po;
  lastPair.km = km;
  return km;
}

export function greatCircleKm(latA: number, lngA: number, cosLatA: number, latB: number, lngB: number, cosLatB: number): number {
  const dLat = (latB - latA) * RAD;
  const dLng = (lngB - lngA) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + cosLatA * cosLatB * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const lastPair: { pc: PreparedCandidate | null; po: PreparedOffer | null; km: number } = { pc: null, po: null, km: 0 };
