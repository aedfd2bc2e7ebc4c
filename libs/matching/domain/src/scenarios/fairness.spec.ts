import fc from 'fast-check';
import { Gender, QualificationLevel, SituationBefore } from '@alternance/candidates/domain';
import { MatchCandidate, eligibility, matchCandidatesForOffer, matchOffersForCandidate, rankOffersForCandidate, score, trainingGap } from '../index';
import { TODAY, aCandidate, anOffer } from '../testing/match-factories';
import { candidateArb, offerArb, worldReference as reference } from '../testing/match-arbitraries';

/**
 * The mission is access for people the job market leaves out: the score must not depend on
 * gender, nationality, name, disability or the priority categories a person declares
 * (qualification obtained, QPV, international protection, situation before: those are for
 * aggregate reporting only, and the feature layer never hands them to the matcher). Disability may change eligibility only (RQTH lifts
 * the apprenticeship age limit); where eligibility does not change, nothing else may.
 */
/** Structural equality by serialisation: fast enough for 10,000 runs, and fast-check prints the counterexample. */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The priority categories as a whole profile would carry them, were they ever handed over. */
const PRIORITY_FIELDS = ['highestQualification', 'livesInQpv', 'internationalProtection', 'situationBefore'] as const;
const priorityDeclarations = fc.record({
  highestQualification: fc.option(fc.constantFrom(...Object.values(QualificationLevel))),
  livesInQpv: fc.constantFrom(true, false, null),
  internationalProtection: fc.constantFrom(true, false, null),
  situationBefore: fc.option(fc.constantFrom(...Object.values(SituationBefore))),
});
type Declarations = typeof priorityDeclarations extends fc.Arbitrary<infer T> ? T : never;
const declaring = (candidate: MatchCandidate, declarations: Partial<Declarations>): MatchCandidate => ({ ...candidate, ...declarations });

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

  it('gives the same score, reasons and eligibility whatever the priority categories declared, one flipped or all (10,000 pairs)', () => {
    fc.assert(
      fc.property(
        candidateArb('cand'),
        offerArb('offer'),
        priorityDeclarations,
        priorityDeclarations,
        fc.constantFrom(...PRIORITY_FIELDS, 'all' as const),
        (candidate, offer, before, after, flipped) => {
          const base = declaring(candidate, before);
          const changed = declaring(base, flipped === 'all' ? after : { [flipped]: after[flipped] });
          return (
            same(score(changed, offer, reference, TODAY), score(base, offer, reference, TODAY)) &&
            same(eligibility(changed, offer, reference, TODAY), eligibility(base, offer, reference, TODAY)) &&
            same(trainingGap(changed, offer, reference), trainingGap(base, offer, reference))
          );
        },
      ),
      { numRuns: 10_000, seed: 1717 },
    );
  });

  it('ranks offers for a person and people for an offer the same whatever the priority categories declared (1,000 worlds)', () => {
    const world = fc.record({
      people: fc.uniqueArray(fc.tuple(fc.constantFrom('p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'), priorityDeclarations, priorityDeclarations), {
        minLength: 1,
        maxLength: 8,
        selector: ([id]) => id,
      }),
      offers: fc.uniqueArray(fc.constantFrom('o0', 'o1', 'o2', 'o3', 'o4', 'o5'), { minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(
        world.chain(({ people, offers }) =>
          fc.tuple(
            fc.tuple(...people.map(([id, before, after]) => candidateArb(id).map((c) => [declaring(c, before), declaring(c, after)] as const))),
            fc.tuple(...offers.map((id) => offerArb(id))),
          ),
        ),
        ([pairs, offers]) => {
          const before = pairs.map(([b]) => b);
          const after = pairs.map(([, a]) => a);
          for (const offer of offers) {
            if (!same(matchCandidatesForOffer(offer, after, reference, TODAY), matchCandidatesForOffer(offer, before, reference, TODAY))) return false;
          }
          for (let i = 0; i < pairs.length; i++) {
            if (!same(matchOffersForCandidate(after[i], offers, reference, TODAY), matchOffersForCandidate(before[i], offers, reference, TODAY))) return false;
            if (!same(rankOffersForCandidate(after[i], offers, reference, TODAY), rankOffersForCandidate(before[i], offers, reference, TODAY))) return false;
          }
          return true;
        },
      ),
      { numRuns: 1_000, seed: 7171 },
    );
  });

  it('never reads gender, nationality, name, disability or a priority category to score', () => {
    const unread = new Set<string | symbol>(['gender', 'nationality', 'displayName', 'disabilityRecognised', ...PRIORITY_FIELDS]);
    const declared = declaring(aCandidate({ jobSeeker: true }), {
      highestQualification: QualificationLevel.NONE,
      livesInQpv: true,
      internationalProtection: true,
      situationBefore: SituationBefore.JOB_SEEKER,
    });
    const guarded = new Proxy(declared, {
      get(target, field, receiver) {
        if (unread.has(field)) throw new Error(`score read ${String(field)}`);
        return Reflect.get(target, field, receiver);
      },
    });
    expect(() => score(guarded, anOffer(), reference, TODAY)).not.toThrow();
    expect(() => trainingGap(guarded, anOffer({ contractType: 'POEC' as never }), reference)).not.toThrow();
    expect(score(guarded, anOffer(), reference, TODAY).score).toBeGreaterThan(0);
  });

  it('never reads a priority category to decide eligibility either', () => {
    const guarded = new Proxy(declaring(aCandidate({ jobSeeker: true }), { livesInQpv: true, internationalProtection: true }), {
      get(target, field, receiver) {
        if ((PRIORITY_FIELDS as readonly (string | symbol)[]).includes(field)) throw new Error(`eligibility read ${String(field)}`);
        return Reflect.get(target, field, receiver);
      },
    });
    for (const contractType of ['APPRENTICESHIP', 'PROFESSIONALISATION', 'POEI', 'POEC'] as const) {
      expect(() => eligibility(guarded, anOffer({ contractType: contractType as never }), reference, TODAY)).not.toThrow();
    }
  });

  it('ranks two people who differ only in protected fields as a tie broken by id', () => {
    const base = aCandidate({ id: 'b' });
    const twin = declaring(
      { ...base, id: 'a', gender: Gender.FEMALE, nationality: 'SN', displayName: 'Awa Ndiaye', disabilityRecognised: true },
      { highestQualification: QualificationLevel.NONE, livesInQpv: true, internationalProtection: true, situationBefore: SituationBefore.OTHER },
    );
    const offer = anOffer();
    const [first, second] = [twin, base].map((c) => matchOffersForCandidate(c, [offer], reference, TODAY)[0]);
    expect(first.score).toBe(second.score);
    expect(first.reasons).toEqual(second.reasons);
  });
});
