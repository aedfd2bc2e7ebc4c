import { Day, toDay } from './calendar';
import { CONTRACT_RULES, ContractRule } from './contract-rules';
import { EligibilityFailure, checkEligibility, contractStartYmd, describeFailure, personMeetsRule } from './eligibility';
import { MatchCandidate, MatchOffer, MatchOptions, MatchReference, MatchResult } from './match-model';
import { PreparedCandidate, PreparedOffer, greatCircleKm, matchContext, occupationCredit, occupationPercent, prepareCandidate, prepareOffer, slotSkill } from './prepare';
import { Box, CandidatePool, OfferPool, prepareCandidatePool, prepareOfferPool } from './pools';
import { distancePointsFor, heldLevels, remotePoints, scorePair, skillPoints, skillTally, startPointsForWait } from './score-parts';
import { describeComponents } from './score-labels';
import { TopK, isBetter } from './top-k';
import { trainingGapOf } from './training-gap';
import { MATCH_WEIGHTS, SCORE_COMPONENTS } from './weights';

export const DEFAULT_FIRST = 20;

/** Lifts every eligible pair above every ineligible one in the ranking key (scores are at most 10,000). */
const ELIGIBLE_BONUS = 100_000;

/**
 * Offers for one person, best first. Offers and people are prepared once and remembered per
 * object and per array (and per reference): treat them as immutable snapshots; a changed
 * profile or offer must be a new object. A pool from `prepareOfferPool` skips even the check
 * that the array's rows are unchanged.
 *
 * Two passes. The first reads flat columns only: the eligibility rules but the exact distance
 * (bounding box, dates, person conditions), then the exact skill, occupation, distance, start
 * and remote points, which with full marks for programs and training gap bound the score. The
 * second visits pairs from the highest bound down, checks and scores them in full, and stops
 * once no bound left can beat the k-th best kept.
 */
export function matchOffersForCandidate(
  candidate: MatchCandidate,
  offers: readonly MatchOffer[] | OfferPool,
  reference: MatchReference,
  today: Date | string,
  options: MatchOptions = {},
): MatchResult[] {
  const { top, pc, pool, day } = bestOffers(candidate, offers, reference, today, options);
  return top.sorted().map(({ item }) => explainPair(pc, pool.prepared[item], day, reference, pool.prepared[item].offer.id));
}

/** A ranked answer without its explanation: what a batch of recommendations stores. */
export interface RankedMatch {
  id: string;
  score: number;
  eligible: boolean;
}

/**
 * The same offers in the same order as `matchOffersForCandidate`, without building the
 * reasons and training gap: for recommending to every person in one batch, where the
 * explanation is built only when someone reads it.
 */
export function rankOffersForCandidate(
  candidate: MatchCandidate,
  offers: readonly MatchOffer[] | OfferPool,
  reference: MatchReference,
  today: Date | string,
  options: MatchOptions = {},
): RankedMatch[] {
  return bestOffers(candidate, offers, reference, today, options)
    .top.sorted()
    .map(({ key, id }) => ({ id, score: (key >= ELIGIBLE_BONUS ? key - ELIGIBLE_BONUS : key) / 100, eligible: key >= ELIGIBLE_BONUS }));
}

function bestOffers(candidate: MatchCandidate, offers: readonly MatchOffer[] | OfferPool, reference: MatchReference, today: Date | string, options: MatchOptions): { top: TopK; pc: PreparedCandidate; pool: OfferPool; day: Day } {
  const day = toDay(today);
  const context = matchContext(reference);
  const pc = prepareCandidate(candidate, reference);
  const pool = prepareOfferPool(offers, reference);
  // Per-query tables by interned id, built once every code of this query is interned.
  const rankBySkill = new Uint8Array(context.skillCodes.length);
  for (let i = 0; i < pc.skills.length; i++) rankBySkill[pc.skills[i] >>> 3] = pc.skills[i] & 7;
  const occupationByRome = new Uint8Array(context.romeCodes.length);
  const creditedRomes: number[] = [];
  for (let i = 0; i < pc.desiredRomes.length; i++) {
    for (const [rome, percent] of occupationCredit(context, pc.desiredRomes[i])) {
      occupationByRome[rome] = Math.max(occupationByRome[rome], percent);
      creditedRomes.push(rome);
    }
  }
  const includeIneligible = options.includeIneligible === true;
  const ready = Math.max(day.n, pc.availableN);
  const { remote, lat, lng, cosLat, earliest, earliestYmd, latest, rome, remoteIndex, slotStart, slots, requiredCount, requiredQuota, requiredDenominator, niceDenominator, prepared } = pool;
  const { ruleIndex, hireRuleIndex, openToAnyone, capBlocksOrdinary, capBlocksPriority, poe } = pool;
  const hasPrograms = pc.priority ? pool.hasProgramsPriority : pool.hasProgramsOrdinary;
  const rqth = pc.candidate.disabilityRecognised === true;
  const meets = (ruleAt: number, startYmd: number): boolean => {
    const rule = CONTRACT_RULES[ruleAt];
    return personMeetsRule(rule, rule.contractType, pc.jobSeeker, pc.birthYmd, pc.lowerSecondaryDone, rqth, startYmd, null);
  };
  const levels = new Uint8Array(Math.max(1, pool.maxSlots));
  const fillLevels = (i: number): void => {
    const from = slotStart[i];
    for (let k = 0; k < slotStart[i + 1] - from; k++) levels[k] = rankBySkill[slotSkill(slots[from + k])] | 0;
  };
  const top = new TopK(options.first ?? DEFAULT_FIRST);
  const bound = (i: number): number => {
    // The same conditions eligibility starts with: a miss here is a miss there.
    if (!includeIneligible) {
      if (remote[i] === 0 && (!pc.hasLocation || lat[i] < pc.minLat || lat[i] > pc.maxLat || lng[i] < pc.minLng || lng[i] > pc.maxLng)) return -1;
      if (!(latest[i] >= ready)) return -1;
      // The person conditions too, on columns: what `checkEligibility` will find, minus the exact distance.
      if (openToAnyone[i] === 0 || (pc.priority ? capBlocksPriority[i] : capBlocksOrdinary[i]) === 1) return -1;
      const startYmd = contractStartYmd(day, pc.availableN, pc.availableYmd, earliest[i], earliestYmd[i]);
      if (!meets(ruleIndex[i], startYmd) || (hireRuleIndex[i] >= 0 && !meets(hireRuleIndex[i], startYmd))) return -1;
    }
    fillLevels(i);
    skillPoints(slots, slotStart[i], slotStart[i + 1], requiredCount[i], requiredQuota[i], requiredDenominator[i], niceDenominator[i], levels);
    const distance = remote[i] === 1 ? MAX_DISTANCE : pc.hasLocation ? distancePointsFor(greatCircleKm(pc.lat, pc.lng, pc.cosLat, lat[i], lng[i], cosLat[i]), pc.radiusKm) : 0;
    return upperBound(occupationByRome[rome[i]] | 0, pc.remoteIndex, remoteIndex[i], earliest[i], latest[i], ready, hasPrograms[i] === 1, poe[i] === 1, distance);
  };
  const idOf = (i: number): string => pool.sources[i].id;
  const visit = (i: number, threshold: number): void => {
    const po = prepared[i];
    const eligible = checkEligibility(pc, po, day, null);
    if (!eligible && !includeIneligible) return;
    fillLevels(i);
    const key = scorePair(pc, po, day, levels, occupationByRome[po.rome] | 0, null) + (eligible ? ELIGIBLE_BONUS : 0);
    if (key >= threshold) top.push(key, po.offer.id, i);
  };
  // Offers sharing an occupation or a skill with the person first; the others score at most
  // REST_BOUND, so they are visited only when the k-th best kept is within their reach. Unless
  // ineligible pairs are asked for, offers out of the person's reach are not even listed.
  const { sharing, rest } = pool.rowsFor(creditedRomes, skillIdsOf(pc), includeIneligible ? null : pc.hasLocation ? pc : NOWHERE);
  visitByBound(sharing, top, bound, idOf, visit);
  if (top.size < top.k || top.threshold() <= REST_BOUND + ELIGIBLE_BONUS) visitByBound(rest, top, bound, idOf, visit);
  return { top, pc, pool, day };
}

/** People for one offer, best first; same approach as `matchOffersForCandidate`. */
export function matchCandidatesForOffer(
  offer: MatchOffer,
  candidates: readonly MatchCandidate[] | CandidatePool,
  reference: MatchReference,
  today: Date | string,
  options: MatchOptions = {},
): MatchResult[] {
  const day = toDay(today);
  const context = matchContext(reference);
  const po = prepareOffer(offer, reference);
  const pool = prepareCandidatePool(candidates, reference);
  const slotBySkill = new Int32Array(context.skillCodes.length);
  for (let slot = 0; slot < po.slots.length; slot++) slotBySkill[slotSkill(po.slots[slot])] = slot + 1;
  const occupationByRome = new Uint8Array(context.romeCodes.length);
  for (const [rome, percent] of occupationCredit(context, po.rome)) occupationByRome[rome] = percent;
  const includeIneligible = options.includeIneligible === true;
  if (!po.openToAnyone && !includeIneligible) return [];
  const { located, lat, lng, cosLat, radiusKm, minLat, maxLat, minLng, maxLng, available, availableYmd, remoteIndex, skillStart, skills, desiredStart, desired, prepared } = pool;
  const { jobSeeker, birthYmd, lowerSecondaryDone, disabilityRecognised, priority } = pool;
  const rule = po.rule;
  const poe = !!rule?.trainingHoursCap;
  const meets = (i: number, ruleToMeet: ContractRule, startYmd: number): boolean =>
    personMeetsRule(ruleToMeet, ruleToMeet.contractType, jobSeeker[i] === 1, birthYmd[i], lowerSecondaryDone[i] === 1, disabilityRecognised[i] === 1, startYmd, null);
  const slotCount = po.slots.length;
  const levels = new Uint8Array(Math.max(1, slotCount));
  const fillLevels = (i: number): void => {
    levels.fill(0, 0, slotCount);
    for (let j = skillStart[i]; j < skillStart[i + 1]; j++) {
      const slot = slotBySkill[skills[j] >>> 3] | 0;
      if (slot > 0) levels[slot - 1] = skills[j] & 7;
    }
  };
  const occupationOf = (i: number): number => {
    let best = 0;
    for (let d = desiredStart[i]; d < desiredStart[i + 1]; d++) best = Math.max(best, occupationByRome[desired[d]] | 0);
    return best;
  };
  const top = new TopK(options.first ?? DEFAULT_FIRST);
  visitByBound(
    null,
    top,
    (i) => {
      const ready = Math.max(day.n, available[i]);
      if (!includeIneligible) {
        if (!po.remote && (located[i] === 0 || po.lat < minLat[i] || po.lat > maxLat[i] || po.lng < minLng[i] || po.lng > maxLng[i])) return -1;
        if (!(po.latestN >= ready)) return -1;
        if ((priority[i] === 1 ? po.capBlocksPriority : po.capBlocksOrdinary) || !rule) return -1;
        const startYmd = contractStartYmd(day, available[i], availableYmd[i], po.earliestN, po.earliestYmd);
        if (!meets(i, rule, startYmd) || (po.hireRule && !meets(i, po.hireRule, startYmd))) return -1;
      }
      fillLevels(i);
      skillPoints(po.slots, 0, slotCount, po.requiredCount, po.requiredQuota, po.requiredDenominator, po.niceDenominator, levels);
      const programs = priority[i] === 1 ? po.usableProgramsPriority : po.usablePrograms;
      const distance = po.remote ? MAX_DISTANCE : located[i] === 1 ? distancePointsFor(greatCircleKm(lat[i], lng[i], cosLat[i], po.lat, po.lng, po.cosLat), radiusKm[i]) : 0;
      return upperBound(occupationOf(i), remoteIndex[i], po.remoteIndex, po.earliestN, po.latestN, ready, programs.length > 0, poe, distance);
    },
    (i) => pool.sources[i].id,
    (i, threshold) => {
      const pc = prepared[i];
      const eligible = checkEligibility(pc, po, day, null);
      if (!eligible && !includeIneligible) return;
      fillLevels(i);
      const key = scorePair(pc, po, day, levels, occupationOf(i), null) + (eligible ? ELIGIBLE_BONUS : 0);
      if (key >= threshold) top.push(key, pc.candidate.id, i);
    },
    prepared.length,
  );
  return top.sorted().map(({ item }) => explainPair(prepared[item], po, day, reference, prepared[item].candidate.id));
}

/**
 * The best score a pair could reach given its skill points and gap (just computed into
 * `skillTally`), occupation, remote fit, wait and distance, all exact. Programs and the
 * training gap are exact when the offer has no program this person could use; otherwise
 * they count full marks.
 */
function upperBound(
  occupationPercent: number,
  preference: number,
  policy: number,
  earliest: number,
  latest: number,
  ready: number,
  hasPrograms: boolean,
  poe: boolean,
  distance: number,
): number {
  const { points, program } = MATCH_WEIGHTS;
  const gap = skillTally.gap;
  const start = ready <= latest ? startPointsForWait(Math.max(0, earliest - ready)) : 0;
  const programPoints = hasPrograms ? points.program * 100 : gap === 0 ? points.program * program.noGapPercent : 0;
  const gapPoints = !poe || gap === 0 || hasPrograms ? points.trainingGap * 100 : 0;
  return skillTally.required + skillTally.nice + points.occupation * occupationPercent + remotePoints(preference, policy) + start + programPoints + gapPoints + distance;
}

const MAX_DISTANCE = MATCH_WEIGHTS.points.distance * 100;

/** The most an offer sharing no skill and no credited occupation with the person can score: every other component in full. */
const REST_BOUND = (() => {
  const { program, trainingGap, distance, startDate, remotePreference } = MATCH_WEIGHTS.points;
  return (program + trainingGap + distance + startDate + remotePreference) * 100;
})();

/** A box no on-site offer is in: a person with no location is only in reach of remote offers. */
const NOWHERE: Box = { minLat: 1, maxLat: -1, minLng: 1, maxLng: -1 };

function skillIdsOf(pc: PreparedCandidate): number[] {
  const ids: number[] = [];
  for (let i = 0; i < pc.skills.length; i++) ids.push(pc.skills[i] >>> 3);
  return ids;
}

const BUCKET_SHIFT = 6;
let bounds = new Int32Array(1024);
let rows = new Int32Array(1024);
let order = new Int32Array(1024);

/**
 * Bounds every row (-1: ruled out), then visits rows from the highest bound bucket down,
 * skipping a row whose bound (plus the eligibility bonus) is strictly below the k-th best key
 * (an equal key may still win on id), and stopping at the first bucket that cannot reach it.
 * The kept set does not depend on the visiting order: keys and ids order pairs totally.
 */
function visitByBound(only: Int32Array | null, top: TopK, bound: (row: number) => number, idOf: (row: number) => string, visit: (row: number, threshold: number) => void, all = 0): void {
  const count = only ? only.length : all;
  if (bounds.length < count) {
    bounds = new Int32Array(count);
    rows = new Int32Array(count);
    order = new Int32Array(count);
  }
  const buckets = new Int32Array((10_000 >> BUCKET_SHIFT) + 2);
  let m = 0;
  for (let j = 0; j < count; j++) {
    const row = only ? only[j] : j;
    const b = bound(row);
    if (b < 0) continue;
    rows[m] = row;
    bounds[m] = b;
    buckets[b >> BUCKET_SHIFT]++;
    m++;
  }
  // Counting sort by bucket, highest first.
  for (let b = buckets.length - 2, offset = 0; b >= 0; b--) {
    const size = buckets[b];
    buckets[b] = offset;
    offset += size;
  }
  for (let j = 0; j < m; j++) order[buckets[bounds[j] >> BUCKET_SHIFT]++] = j;
  for (let o = 0; o < m; o++) {
    const j = order[o];
    const threshold = top.threshold();
    const best = bounds[j] + ELIGIBLE_BONUS;
    if (best < threshold) {
      // Rows come in falling buckets: once a whole bucket is out of reach, so is the rest.
      if ((((bounds[j] >> BUCKET_SHIFT) + 1) << BUCKET_SHIFT) - 1 + ELIGIBLE_BONUS < threshold) return;
      continue;
    }
    // At best a tie with the k-th kept: only a lower id gets in.
    if (best === threshold && !(idOf(rows[j]) < (top.worstId() as string))) continue;
    visit(rows[j], threshold);
  }
}

/** The full answer for one pair: eligibility with reasons, score with one reason per component, training gap. */
export function explainPair(pc: PreparedCandidate, po: PreparedOffer, day: Day, reference: MatchReference, id: string): MatchResult {
  const failures: EligibilityFailure[] = [];
  const eligible = checkEligibility(pc, po, day, failures);
  const parts = new Int32Array(SCORE_COMPONENTS.length);
  const total = scorePair(pc, po, day, heldLevels(pc, po), occupationPercent(matchContext(reference), pc, po), parts);
  const reasons = [...failures.map(describeFailure), ...describeComponents(pc, po, day, parts, reference)];
  return { id, score: total / 100, eligible, reasons, trainingGap: trainingGapOf(pc, po, reference) };
}

/** The order of every answer: eligible first, then higher score, then lower id. */
export function compareMatches(a: Pick<MatchResult, 'id' | 'score' | 'eligible'>, b: Pick<MatchResult, 'id' | 'score' | 'eligible'>): number {
  const keyA = Math.round(a.score * 100) + (a.eligible ? ELIGIBLE_BONUS : 0);
  const keyB = Math.round(b.score * 100) + (b.eligible ? ELIGIBLE_BONUS : 0);
  if (isBetter(keyA, a.id, keyB, b.id)) return -1;
  if (isBetter(keyB, b.id, keyA, a.id)) return 1;
  return 0;
}
