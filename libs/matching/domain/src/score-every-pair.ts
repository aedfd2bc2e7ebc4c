import { eligibility } from './eligibility';
import { MatchCandidate, MatchOffer, MatchReference, MatchResult } from './match-model';
import { DEFAULT_FIRST, compareMatches } from './match';
import { score } from './score';
import { pageSize } from './top-k';
import { trainingGap } from './training-gap';

export interface PairResult extends Omit<MatchResult, 'id'> {
  candidateId: string;
  offerId: string;
}

/**
 * The obvious, slow answer: every pair through the public single-pair functions, with no
 * caching, no heap and no early exit. The matcher must return exactly what sorting these
 * gives; tests and the benchmark check it.
 */
export function scoreEveryPair(candidates: readonly MatchCandidate[], offers: readonly MatchOffer[], reference: MatchReference, today: Date | string): PairResult[] {
  const pairs: PairResult[] = [];
  for (const candidate of candidates) {
    for (const offer of offers) {
      const verdict = eligibility(candidate, offer, reference, today);
      const scored = score(candidate, offer, reference, today);
      pairs.push({
        candidateId: candidate.id,
        offerId: offer.id,
        score: scored.score,
        eligible: verdict.eligible,
        reasons: [...verdict.reasons, ...scored.reasons],
        trainingGap: trainingGap(candidate, offer, reference),
      });
    }
  }
  return pairs;
}

/** One side's answer from every pair: what `matchOffersForCandidate` / `matchCandidatesForOffer` must return. */
export function rankPairs(pairs: readonly PairResult[], side: 'offer' | 'candidate', options: { first?: number; includeIneligible?: boolean } = {}): MatchResult[] {
  return pairs
    .filter((pair) => pair.eligible || options.includeIneligible === true)
    .map(({ candidateId, offerId, ...rest }) => ({ id: side === 'offer' ? offerId : candidateId, ...rest }))
    .sort(compareMatches)
    .slice(0, pageSize(options.first ?? DEFAULT_FIRST));
}
