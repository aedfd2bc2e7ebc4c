import { checkEvalSet, defaultRomeDir, evaluate, loadEvalSet, loadRome, ndcgAt } from './evaluate';

describe('matcher evaluation', () => {
  it('computes nDCG@k with exponential gains, unlabelled items counting 0', () => {
    const labels = new Map([
      ['a', 3],
      ['b', 1],
    ]);
    expect(ndcgAt(10, ['a', 'b'], labels)).toBe(1);
    expect(ndcgAt(10, ['x', 'a', 'b'], labels)).toBeCloseTo((7 / Math.log2(3) + 1 / 2) / (7 + 1 / Math.log2(3)), 12);
    expect(ndcgAt(1, ['b', 'a'], labels)).toBeCloseTo(1 / 7, 12);
    expect(ndcgAt(10, ['a'], new Map([['a', 0]]))).toBeNull();
  });

  describe('on the labelled set and the real ROME files', () => {
    const set = loadEvalSet();
    const rome = loadRome(defaultRomeDir());

    it('holds at least 60 judged pairs, each with a grade and a reason, over real ROME codes and labels', () => {
      expect(set.judgments.length).toBeGreaterThanOrEqual(60);
      expect(checkEvalSet(set, rome)).toEqual([]);
    });

    it('reports nDCG@10 for both directions, and the matcher ranks the labelled pairs well', () => {
      const report = evaluate(set, rome);
      expect(report.offersForCandidate.queries.length).toBeGreaterThan(20);
      expect(report.candidatesForOffer.queries.length).toBeGreaterThan(20);
      // A regression guard, below today's figure (0.997): a drop means the ranking got worse.
      expect(report.overall).toBeGreaterThan(0.95);
    });
  });
});
