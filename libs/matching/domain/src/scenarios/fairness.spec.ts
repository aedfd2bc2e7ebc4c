import fc from 'fast-check';
import { Gender } from '@alternance/candidates/domain';
import { MatchCandidate, eligibility, matchOffersForCandidate, score, trainingGap } from '../index';
import { TODAY, aCandidate, anOffer } from '../testing/match-factories';
import { candidateArb, offerArb, worldReference as reference } from '../testing/match-arbitraries';

/**
 * The mission is access for people the job market leaves out: the score must not depend on
 * gender, nationality, name or disability. Disability may change eligibility only (RQTH lifts
 * the apprenticeship age limit); where eligibility does not change, nothing else may.
 */
/** Structural equality by serialisation: fast enough for 10,000 runs, and fast-check prints the counterexample. */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

describe('fairness', () => {
  const protectedFields = fc.record({
    gender: fc.option(fc.constantFrom(...Object.values(Gender))),
    nationality: fc.option(fc.constantFrom('FR', 'MA', 'CD', 'AF', 'RO', 'BR')),
    displayName: fc.constantFrom('Camille Martin', 'Mohamed Diallo', 'Aïcha Benali', 'Nguyễn Văn An', ''),
  });

  it('gives the same score, reasons and eligibility whatever the gender, nationality or name (10,000 pairs)', () => {
    fc.assert(
      fc.property(candidateArb('cand'), offerArb('offer'), protectedFields, (candidate, offer, other) => {
        const changed: MatchCandidate = { ...candidate, ...other };
        return (
          same(score(changed, offer, reference, TODAY), score(candidate, offer, reference, TODAY)) &&
          same(eligibility(changed, offer, reference, TODAY), eligibility(candidate, offer, reference, TODAY))
        );
      }),
      { numRuns: 10_000, seed: 4242 },
    );
  });

  it('lets a recognised disability change eligibility only, never the score (10,000 pairs)', () => {
    fc.assert(
      fc.property(candidateArb('cand'), offerArb('offer'), fc.constantFrom(true, false, null), (candidate, offer, disabilityRecognised) => {
        const changed: MatchCandidate = { ...candidate, disabilityRecognised };
        const before = eligibility(candidate, offer, reference, TODAY);
        const after = eligibility(changed, offer, reference, TODAY);
        const sameScore = same(score(changed, offer, reference, TODAY), score(candidate, offer, reference, TODAY));
        if (before.eligible === after.eligible && !sameScore) return false;
        // Stronger than required: the score never reads disability at all, and only the age limit moves.
        const ageless = (reasons: { code: string }[]) => reasons.map((r) => r.code).filter((code) => code !== 'AGE_ABOVE_MAXIMUM');
        return sameScore && same(ageless(after.reasons), ageless(before.reasons));
      }),
      { numRuns: 10_000, seed: 2424 },
    );
  });

  it('never reads gender, nationality, name or disability to score', () => {
    const guarded = new Proxy(aCandidate({ jobSeeker: true }), {
      get(target, field, receiver) {
        if (field === 'gender' || field === 'nationality' || field === 'displayName' || field === 'disabilityRecognised') throw new Error(`score read ${String(field)}`);
        return Reflect.get(target, field, receiver);
      },
    });
    expect(() => score(guarded, anOffer(), reference, TODAY)).not.toThrow();
    expect(() => trainingGap(guarded, anOffer({ contractType: 'POEC' as never }), reference)).not.toThrow();
    expect(score(guarded, anOffer(), reference, TODAY).score).toBeGreaterThan(0);
  });

  it('ranks two people who differ only in protected fields as a tie broken by id', () => {
    const base = aCandidate({ id: 'b' });
    const twin = { ...base, id: 'a', gender: Gender.FEMALE, nationality: 'SN', displayName: 'Awa Ndiaye', disabilityRecognised: true };
    const offer = anOffer();
    const [first, second] = [twin, base].map((c) => matchOffersForCandidate(c, [offer], reference, TODAY)[0]);
    expect(first.score).toBe(second.score);
    expect(first.reasons).toEqual(second.reasons);
  });
});
