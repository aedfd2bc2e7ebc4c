import { Day } from './calendar';
import { PreparedCandidate, PreparedOffer, REMOTE_POLICIES, REMOTE_PREFERENCES, UsableProgram, pairDistanceKm, programsFor, slotNeed, slotSkill, slotWeight } from './prepare';
import { MATCH_WEIGHTS, SCORE_COMPONENTS, ScoreComponent } from './weights';

const P = MATCH_WEIGHTS.points;

/** Index of each component in a parts array, in `SCORE_COMPONENTS` order. */
export const PART: Record<ScoreComponent, number> = Object.fromEntries(SCORE_COMPONENTS.map((c, i) => [c, i])) as Record<ScoreComponent, number>;

let held = new Uint8Array(64);

function buffer(size: number): Uint8Array {
  if (held.length < size) held = new Uint8Array(size * 2);
  return held;
}

/** The candidate's level for each skill slot of the offer (0: not held), in a reused buffer, by scanning both short lists. */
export function heldLevels(pc: PreparedCandidate, po: PreparedOffer): Uint8Array {
  const levels = buffer(po.slots.length);
  for (let slot = 0; slot < po.slots.length; slot++) {
    const id = slotSkill(po.slots[slot]);
    let rank = 0;
    for (let i = 0; i < pc.skills.length; i++) if (pc.skills[i] >>> 3 === id) rank = pc.skills[i] & 7;
    levels[slot] = rank;
  }
  return levels;
}

const REMOTE_FIT = Int32Array.from(REMOTE_PREFERENCES.flatMap((pref) => REMOTE_POLICIES.map((policy) => MATCH_WEIGHTS.remoteFit[pref][policy])));

/** Percent of a skill's credit: the needed level or more is full, one level below is partial. */
export function skillCreditPercent(heldRank: number, needRank: number): number {
  if (heldRank >= needRank) return 100;
  if (heldRank > 0 && heldRank === needRank - 1) return MATCH_WEIGHTS.skills.oneLevelBelowPercent;
  return 0;
}

/**
 * The score of a pair in integer hundredths of a point (0..10,000), component by component
 * into `parts` when given. Reads nothing of the person but skills, occupations, programs,
 * location, availability and remote preference: never gender, nationality, name or disability.
 */
export function scorePair(pc: PreparedCandidate, po: PreparedOffer, today: Day, levels: Uint8Array, occupationPercent: number, parts: Int32Array | null): number {
  skillPoints(po.slots, 0, po.slots.length, po.requiredCount, po.requiredQuota, po.requiredDenominator, po.niceDenominator, levels);
  const { required, nice, gap: gapCount } = skillTally;
  const occupation = P.occupation * occupationPercent;
  const programs = programsFor(po, pc);
  const covered = gapCount === 0 || programs.length === 0 ? 0 : Math.min(gapCount, bestGapCover(programs, levels, po));
  const program = programPoints(pc, programs, gapCount, covered);
  const trainingGap =
    !po.rule?.trainingHoursCap || gapCount === 0 || covered === gapCount
      ? P.trainingGap * 100
      : Math.round((P.trainingGap * MATCH_WEIGHTS.trainingGap.partialCoverPercent * covered) / gapCount);
  const distance = distancePoints(pc, po);
  const startDate = startDatePoints(pc, po, today);
  const remote = remotePoints(pc.remoteIndex, po.remoteIndex);
  if (parts) {
    parts[PART.requiredSkills] = required;
    parts[PART.niceToHaveSkills] = nice;
    parts[PART.occupation] = occupation;
    parts[PART.program] = program;
    parts[PART.trainingGap] = trainingGap;
    parts[PART.distance] = distance;
    parts[PART.startDate] = startDate;
    parts[PART.remotePreference] = remote;
  }
  return required + nice + occupation + program + trainingGap + distance + startDate + remote;
}

/** What `skillPoints` found, in a reused record: required and nice-to-have points, and the gap size. */
export const skillTally = { required: 0, nice: 0, gap: 0 };

/**
 * Skill points of the slots `from..to` of a packed slot array (the first `requiredCount` are
 * required) against held levels indexed from 0. The slots may be an offer's own or a pool's
 * flat copy: same numbers, same integers out. The gap is how many more required slots the
 * person must hold at the needed level to meet the quota (see `PreparedOffer.requiredQuota`).
 */
export function skillPoints(
  slots: Int32Array,
  from: number,
  to: number,
  requiredCount: number,
  requiredQuota: number,
  requiredDenominator: number,
  niceDenominator: number,
  levels: Uint8Array,
): void {
  let requiredNum = 0;
  let niceNum = 0;
  let met = 0;
  for (let k = 0; k < to - from; k++) {
    const slot = slots[from + k];
    const need = slotNeed(slot);
    const credit = slotWeight(slot) * skillCreditPercent(levels[k], need);
    if (k < requiredCount) {
      requiredNum += credit;
      if (levels[k] >= need) met++;
    } else niceNum += credit;
  }
  // Only skills from the occupation can hold more than their quota's worth.
  requiredNum = Math.min(requiredNum, requiredDenominator);
  niceNum = Math.min(niceNum, niceDenominator);
  // No required skill at all (none listed, none known for the occupation): nothing to earn.
  // Full marks would favour offers that list less, for everyone, whatever their skills.
  skillTally.required = requiredDenominator === 0 ? 0 : Math.round((P.requiredSkills * 100 * requiredNum) / requiredDenominator);
  // For the same reason, an offer listing required skills and no nice-to-have ones gets the required-skill share here.
  if (niceDenominator > 0) skillTally.nice = Math.round((P.niceToHaveSkills * 100 * niceNum) / niceDenominator);
  else skillTally.nice = requiredDenominator === 0 ? 0 : Math.round((P.niceToHaveSkills * 100 * requiredNum) / requiredDenominator);
  skillTally.gap = Math.max(0, requiredQuota - met);
}

/** The most required skills below the needed level that one program teaches (may exceed the gap when the quota is a part of them). */
export function bestGapCover(programs: readonly UsableProgram[], levels: Uint8Array, po: PreparedOffer): number {
  let best = 0;
  for (const { teaches } of programs) {
    let covered = 0;
    for (let slot = 0; slot < po.requiredCount; slot++) if (levels[slot] < slotNeed(po.slots[slot])) covered += teaches[slot];
    if (covered > best) best = covered;
  }
  return best;
}

export function followsAcceptedProgram(pc: PreparedCandidate, programs: readonly UsableProgram[]): UsableProgram | null {
  if (pc.programIds.length === 0) return null;
  for (const usable of programs) if (pc.programIds.includes(usable.program.id)) return usable;
  return null;
}

function programPoints(pc: PreparedCandidate, programs: readonly UsableProgram[], gapCount: number, covered: number): number {
  const w = MATCH_WEIGHTS.program;
  if (followsAcceptedProgram(pc, programs)) return P.program * w.followsAcceptedPercent;
  if (gapCount === 0) return P.program * w.noGapPercent;
  return Math.round((P.program * w.coversGapPercent * covered) / gapCount);
}

function distancePoints(pc: PreparedCandidate, po: PreparedOffer): number {
  if (po.remote) return P.distance * 100;
  if (!pc.hasLocation) return 0;
  return distancePointsFor(pairDistanceKm(pc, po), pc.radiusKm);
}

/** Full points next door, falling linearly to none at the edge of the person's radius. */
export function distancePointsFor(km: number, radiusKm: number): number {
  if (km > radiusKm) return 0;
  if (radiusKm === 0) return P.distance * 100;
  return Math.round(P.distance * 100 * (1 - km / radiusKm));
}

/** Days the person would wait between being free and the contract starting; null when the window is missed. */
export function waitDays(pc: PreparedCandidate, po: PreparedOffer, today: Day): number | null {
  const ready = Math.max(today.n, pc.availableN);
  if (Number.isNaN(po.earliestN) || !(po.latestN >= ready)) return null;
  return Math.max(0, po.earliestN - ready);
}

function startDatePoints(pc: PreparedCandidate, po: PreparedOffer, today: Day): number {
  const wait = waitDays(pc, po, today);
  return wait === null ? 0 : startPointsForWait(wait);
}

export function startPointsForWait(wait: number): number {
  const zero = MATCH_WEIGHTS.startDate.zeroAfterDaysOfWait;
  return Math.round((P.startDate * 100 * Math.max(0, zero - wait)) / zero);
}

/** Remote-preference points for a person's and an offer's index in REMOTE_PREFERENCES / REMOTE_POLICIES. */
export function remotePoints(preference: number, policy: number): number {
  return P.remotePreference * REMOTE_FIT[preference * 3 + policy];
}

