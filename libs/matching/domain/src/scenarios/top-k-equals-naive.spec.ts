import fc from 'fast-check';
import { matchCandidatesForOffer, matchOffersForCandidate, prepareCandidatePool, prepareOfferPool, rankOffersForCandidate, rankPairs, scoreEveryPair } from '../index';
import { TODAY, aCandidate, anOffer } from '../testing/match-factories';
import { candidateArb, offerArb, worldReference as reference } from '../testing/match-arbitraries';

/**
 * The fast matcher (prepared structures, caches, bounded heap, early exits) must return
 * exactly what scoring every pair with the public single-pair functions and sorting gives,
 * in both directions, for any page size, with and without ineligible pairs.
 */
// Ids that sort differently from generation order, and duplicates of the same content under
// other ids, so that ties are common and must be broken by id.
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String((i * 7919) % 1000).padStart(3, '0')}`);
const worldOf = (spread: boolean) =>
  fc.record({
    candidates: fc.tuple(...ids('c', 10).map((id) => candidateArb(id, { spread }))),
    offers: fc.tuple(...ids('o', 30).map((id) => offerArb(id, { spread }))),
  });
const world = worldOf(false);

describe('top-k matcher equals scoring every pair', () => {
  it.each([
    ['around Paris', false],
    ['spread over continents, radiuses up to 5,000 km', true],
  ])('returns the same answers in both directions (%s)', (_, spread) => {
    fc.assert(
      fc.property(worldOf(spread), fc.integer({ min: 0, max: 35 }), fc.boolean(), ({ candidates, offers }, first, includeIneligible) => {
        const withTwins = [...offers, ...offers.slice(0, 5).map((o, i) => ({ ...o, id: `o-twin-${i}` }))];
        const pairs = scoreEveryPair(candidates, withTwins, reference, TODAY);
        const offerPool = prepareOfferPool(withTwins, reference);
        const candidatePool = prepareCandidatePool(candidates, reference);
        for (const candidate of candidates) {
          const expected = rankPairs(pairs.filter((p) => p.candidateId === candidate.id), 'offer', { first, includeIneligible });
          expect(matchOffersForCandidate(candidate, withTwins, reference, TODAY, { first, includeIneligible })).toEqual(expected);
          expect(matchOffersForCandidate(candidate, offerPool, reference, TODAY, { first, includeIneligible })).toEqual(expected);
          expect(rankOffersForCandidate(candidate, offerPool, reference, TODAY, { first, includeIneligible })).toEqual(expected.map(({ id, score, eligible }) => ({ id, score, eligible })));
        }
        for (const offer of withTwins.slice(0, 10)) {
          const expected = rankPairs(pairs.filter((p) => p.offerId === offer.id), 'candidate', { first, includeIneligible });
          expect(matchCandidatesForOffer(offer, candidates, reference, TODAY, { first, includeIneligible })).toEqual(expected);
          expect(matchCandidatesForOffer(offer, candidatePool, reference, TODAY, { first, includeIneligible })).toEqual(expected);
        }
      }),
      // No shrinking: a world of 40 profiles takes minutes to shrink; the seed reproduces a failure.
      { numRuns: 40, seed: 20250602, endOnFailure: true },
    );
  });

  it('gives the same score to a pair whichever direction it is matched in', () => {
    fc.assert(
      fc.property(world, ({ candidates, offers }) => {
        for (const candidate of candidates) {
          for (const result of matchOffersForCandidate(candidate, offers, reference, TODAY, { first: 100, includeIneligible: true })) {
            const offer = offers.find((o) => o.id === result.id)!;
            const other = matchCandidatesForOffer(offer, [candidate], reference, TODAY, { includeIneligible: true })[0];
            expect({ ...other, id: result.id }).toEqual(result);
          }
        }
      }),
      { numRuns: 6, seed: 7, endOnFailure: true },
    );
  });

  it('breaks ties by id and puts ineligible pairs after every eligible one', () => {
    const offer = anOffer();
    const twins = ['b', 'c', 'a'].map((id) => ({ ...offer, id }));
    const far = { ...offer, id: '0-far', location: { lat: 43.3, lng: 5.4 } };
    const results = matchOffersForCandidate(aCandidate(), [...twins, far], reference, TODAY, { includeIneligible: true });
    expect(results.map((r) => [r.id, r.eligible])).toEqual([['a', true], ['b', true], ['c', true], ['0-far', false]]);
    expect(results[3].reasons[0].code).toBe('OUT_OF_MOBILITY_RADIUS');
    expect(matchOffersForCandidate(aCandidate(), [...twins, far], reference, TODAY, { first: 2 }).map((r) => r.id)).toEqual(['a', 'b']);
  });
});
