import fc from 'fast-check';
import { MatchCandidate, MatchOffer, matchCandidatesForOffer, matchOffersForCandidate } from '../index';
import { TODAY } from '../testing/match-factories';
import { candidateArb, offerArb, worldReference as reference } from '../testing/match-arbitraries';

/**
 * The occupation a person asks for is the wish the board must honour first: among pairs that
 * are eligible and within reach, an offer in an occupation the person does not want and is not
 * close to (neither the same ROME code nor a neighbour in either published direction) never
 * ranks above one in an occupation they want, whatever either offer lists (skills or none);
 * and for an offer, a person who wants neither its occupation nor a neighbour never ranks above
 * one who wants it.
 */
const linked = (a: string, b: string): boolean => reference.neighbours.get(a)?.has(b) === true || reference.neighbours.get(b)?.has(a) === true;
const wants = (candidate: MatchCandidate, rome: string): boolean => candidate.desiredRomeCodes.includes(rome);
const unrelated = (candidate: MatchCandidate, rome: string): boolean => !candidate.desiredRomeCodes.some((code) => code === rome || linked(code, rome));

/**
 * Each result in a wanted occupation ranked after the first unrelated one, named for the
 * failure message; `contested` counts the answers holding both kinds, where the order is tested.
 */
function overtaken<T>(ranked: readonly { id: string; score: number }[], byId: Map<string, T>, isWanted: (item: T) => boolean, isUnrelated: (item: T) => boolean): string[] {
  const found: string[] = [];
  let first: { id: string; score: number } | null = null;
  for (const result of ranked) {
    const item = byId.get(result.id)!;
    if (isUnrelated(item)) first ??= result;
    else if (first && isWanted(item)) found.push(`${result.id} (${result.score}) after unrelated ${first.id} (${first.score})`);
  }
  const items = ranked.map((r) => byId.get(r.id)!);
  if (items.some(isWanted) && items.some(isUnrelated)) contested++;
  return found;
}

let contested = 0;

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`);
const world = fc.record({
  candidates: fc.tuple(...ids('c', 8).map((id) => candidateArb(id))),
  offers: fc.tuple(...ids('o', 25).map((id) => offerArb(id))),
});

describe('a wanted occupation ranks first', () => {
  it('never ranks an unrelated occupation above a wanted one, in either direction', () => {
    fc.assert(
      fc.property(world, ({ candidates, offers }) => {
        const offerById = new Map<string, MatchOffer>(offers.map((o) => [o.id, o]));
        const candidateById = new Map<string, MatchCandidate>(candidates.map((c) => [c.id, c]));
        const violations: string[] = [];
        for (const candidate of candidates) {
          const ranked = matchOffersForCandidate(candidate, offers, reference, TODAY, { first: offers.length });
          for (const v of overtaken(ranked, offerById, (o) => wants(candidate, o.romeCode), (o) => unrelated(candidate, o.romeCode))) violations.push(`for ${candidate.id}: ${v}`);
        }
        for (const offer of offers) {
          const ranked = matchCandidatesForOffer(offer, candidates, reference, TODAY, { first: candidates.length });
          for (const v of overtaken(ranked, candidateById, (c) => wants(c, offer.romeCode), (c) => unrelated(c, offer.romeCode))) violations.push(`for ${offer.id}: ${v}`);
        }
        expect(violations).toEqual([]);
      }),
      { numRuns: 150, seed: 18052025 },
    );
    // Not vacuous: many answers ranked offers (or people) of both kinds against each other.
    expect(contested).toBeGreaterThan(300);
  });
});
