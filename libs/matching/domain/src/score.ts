import { toDay } from './calendar';
import { MatchCandidate, MatchOffer, MatchReason, MatchReference } from './match-model';
import { matchContext, occupationPercent, prepareCandidateUncached, prepareOfferUncached } from './prepare';
import { heldLevels, scorePair } from './score-parts';
import { describeComponents } from './score-labels';
import { SCORE_COMPONENTS } from './weights';

export interface ScoreResult {
  /** 0 to 100, two decimals: the sum of the reasons' contributions. */
  score: number;
  reasons: MatchReason[];
}

/** The score of one pair with its explanation; the matcher computes the same figures in bulk. */
export function score(candidate: MatchCandidate, offer: MatchOffer, reference: MatchReference, today: Date | string): ScoreResult {
  const pc = prepareCandidateUncached(candidate, reference);
  const po = prepareOfferUncached(offer, reference);
  const day = toDay(today);
  const parts = new Int32Array(SCORE_COMPONENTS.length);
  const total = scorePair(pc, po, day, heldLevels(pc, po), occupationPercent(matchContext(reference), pc, po), parts);
  return { score: total / 100, reasons: describeComponents(pc, po, day, parts, reference) };
}
