import { eligibility } from '@alternance/matching/domain';
import { baselines, buildReference, checkEvalSet, defaultRomeDir, evaluate, loadEvalSet, loadRome, ndcgAt, toMatchCandidate, toMatchOffer } from './evaluate';

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

    it('holds at least 60 candidates, 40 offers and 400 judged pairs, each with a grade and a reason, over real ROME codes and labels', () => {
      expect(set.candidates.length).toBeGreaterThanOrEqual(60);
      expect(set.offers.length).toBeGreaterThanOrEqual(40);
      expect(set.judgments.length).toBeGreaterThanOrEqual(400);
      expect(checkEvalSet(set, rome)).toEqual([]);
    });

    // Offers imported from partner feeds mostly list no skill: the set must weigh them as the board will.
    it('has about a quarter of its offers listing no skill, each with someone judged relevant to it (a query of its own)', () => {
      const bare = set.offers.filter((o) => o.skills.length === 0);
      expect(bare.length / set.offers.length).toBeGreaterThanOrEqual(0.24);
      expect(bare.filter((offer) => !set.judgments.some((j) => j.offerId === offer.id && j.relevance > 0)).map((o) => o.id)).toEqual([]);
    });

    // Unjudged pairs count as 0: that is only fair if every pair the matcher may return was judged,
    // and a label above 0 on a pair the law rules out would be a judging error.
    it('judges every pair that is legally possible and within reach, and grades 0 every pair that is not', () => {
      const reference = buildReference(set, rome);
      const labels = new Map(set.judgments.map((j) => [`${j.candidateId}|${j.offerId}`, j.relevance]));
      const unjudged: string[] = [];
      const impossibleButRelevant: string[] = [];
      for (const offer of set.offers) {
        for (const candidate of set.candidates) {
          const { eligible } = eligibility(toMatchCandidate(candidate), toMatchOffer(offer), reference, set.today);
          const label = labels.get(`${candidate.id}|${offer.id}`);
          if (eligible && label === undefined) unjudged.push(`${candidate.id} × ${offer.id}`);
          if (!eligible && (label ?? 0) > 0) impossibleButRelevant.push(`${candidate.id} × ${offer.id}`);
        }
      }
      expect(unjudged).toEqual([]);
      expect(impossibleButRelevant).toEqual([]);
    });

    it('reports nDCG@10 for both directions, and the matcher ranks the labelled pairs well', () => {
      const report = evaluate(set, rome);
      expect(report.offersForCandidate.queries.length).toBeGreaterThanOrEqual(50);
      expect(report.candidatesForOffer.queries.length).toBeGreaterThanOrEqual(40);
      // A regression guard, below today's figure (0.985): a drop means the ranking got worse.
      expect(report.overall).toBeGreaterThan(0.95);
    });

    it('tells a good ranking from a poor one: naive orderings of the same eligible pairs score clearly lower', () => {
      const report = evaluate(set, rome);
      const naive = baselines(set, rome);
      // Today: random order 0.481, occupation fit alone 0.939, matcher 0.985.
      expect(naive.randomOrder).toBeLessThan(report.overall - 0.3);
      expect(naive.occupationOnly).toBeLessThan(report.overall - 0.03);
    });
  });
});
