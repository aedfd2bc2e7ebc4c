import fc from 'fast-check';
import { AssignmentInputError, MentoringApprentice, MentoringMentor, PinnedPair, assignMentors, pairFit } from './assignment';

const OCCUPATIONS = ['M1805', 'M1806', 'D1102', 'H2901'];
const SKILLS = ['java', 'sql', 'vente', 'soudure'];
const LANGUAGES = ['fr', 'en', 'ar'];

const apprenticeArb = fc.record({
  occupation: fc.constantFrom(...OCCUPATIONS),
  skills: fc.subarray(SKILLS),
  languages: fc.subarray(LANGUAGES, { minLength: 1 }),
  needsTrainedMentor: fc.boolean(),
});
const mentorArb = fc.record({
  occupations: fc.subarray(OCCUPATIONS),
  skills: fc.subarray(SKILLS),
  languages: fc.subarray(LANGUAGES, { minLength: 1 }),
  capacity: fc.integer({ min: 0, max: 2 }),
  trainedInDisability: fc.boolean(),
});
const instanceArb = fc
  .tuple(fc.array(apprenticeArb, { maxLength: 6 }), fc.array(mentorArb, { minLength: 1, maxLength: 3 }))
  .map(([as, ms]) => ({
    apprentices: as.map((a, i) => ({ ...a, id: `a${i}` })) as MentoringApprentice[],
    mentors: ms.map((m, j) => ({ ...m, id: `m${j}` })) as MentoringMentor[],
  }));

type Score = [guaranteed: number, assigned: number, fit: number];

/** Every assignment (each apprentice to a mentor sharing a language, or none) within capacities. */
function bruteForce(apprentices: MentoringApprentice[], mentors: MentoringMentor[], pins: PinnedPair[] = []): Score {
  let best: Score = [-1, -1, -1];
  const left = mentors.map((m) => m.capacity);
  const pinned = new Map(pins.map((p) => [p.apprenticeId, p.mentorId]));
  const walk = (i: number, score: Score) => {
    if (i === apprentices.length) {
      if (score[0] > best[0] || (score[0] === best[0] && (score[1] > best[1] || (score[1] === best[1] && score[2] > best[2])))) best = score;
      return;
    }
    const a = apprentices[i];
    const pin = pinned.get(a.id);
    if (pin === undefined) walk(i + 1, score);
    mentors.forEach((m, j) => {
      if (pin !== undefined && m.id !== pin) return;
      const fit = pairFit(a, m);
      if (!fit || left[j] === 0) return;
      left[j]--;
      walk(i + 1, [score[0] + (a.needsTrainedMentor && m.trainedInDisability ? 1 : 0), score[1] + 1, score[2] + fit.fit]);
      left[j]++;
    });
  };
  walk(0, [0, 0, 0]);
  return best;
}

describe('mentor assignment', () => {
  it('matches brute force: the disability guarantee first, then everyone placed, then the best total fit; capacities kept', () => {
    fc.assert(
      fc.property(instanceArb, ({ apprentices, mentors }) => {
        const result = assignMentors(apprentices, mentors);
        const [guaranteed, assigned, fit] = bruteForce(apprentices, mentors);
        expect(result.guarantee.met).toBe(guaranteed);
        expect(result.pairs.length).toBe(assigned);
        expect(result.totalFit).toBe(fit);
        // capacities never exceeded, each apprentice at most once, a shared language always
        for (const m of mentors) expect(result.pairs.filter((p) => p.mentorId === m.id).length).toBeLessThanOrEqual(m.capacity);
        expect(new Set(result.pairs.map((p) => p.apprenticeId)).size).toBe(result.pairs.length);
        for (const p of result.pairs) {
          const a = apprentices.find((x) => x.id === p.apprenticeId)!;
          const m = mentors.find((x) => x.id === p.mentorId)!;
          expect(pairFit(a, m)?.fit).toBe(p.fit);
          expect(p.reasons.length).toBeGreaterThan(0);
        }
        expect(result.unassigned.length + result.pairs.length).toBe(apprentices.length);
        // the guarantee is met whenever feasible; otherwise the missing places add up
        const needed = apprentices.filter((a) => a.needsTrainedMentor).length;
        expect(result.guarantee.needed).toBe(needed);
        const missing = result.guarantee.missingTrainedPlaces.reduce((s, x) => s + x.missing, 0);
        expect(missing).toBe(needed - result.guarantee.met);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps pinned pairs and stays optimal for the rest', () => {
    fc.assert(
      fc.property(instanceArb, fc.nat(), ({ apprentices, mentors }, seed) => {
        const a = apprentices[seed % Math.max(1, apprentices.length)];
        const m = mentors.find((x) => x.capacity > 0 && a && pairFit(a, x));
        const pins = a && m ? [{ apprenticeId: a.id, mentorId: m.id }] : [];
        const result = assignMentors(apprentices, mentors, pins);
        for (const pin of pins) expect(result.pairs).toContainEqual(expect.objectContaining({ ...pin, pinned: true }));
        const [guaranteed, assigned, fit] = bruteForce(apprentices, mentors, pins);
        expect([result.guarantee.met, result.pairs.length, result.totalFit]).toEqual([guaranteed, assigned, fit]);
      }),
      { numRuns: 200 },
    );
  });

  it('with one mentor offered directly per group, still meets the guarantee and places as many as brute force; capacities kept', () => {
    fc.assert(
      fc.property(instanceArb, ({ apprentices, mentors }) => {
        const result = assignMentors(apprentices, mentors, [], { candidatesPerApprentice: 1 });
        const [guaranteed, assigned, fit] = bruteForce(apprentices, mentors);
        expect(result.guarantee.met).toBe(guaranteed);
        expect(result.pairs.length).toBe(assigned);
        expect(result.totalFit).toBeLessThanOrEqual(fit);
        for (const m of mentors) expect(result.pairs.filter((p) => p.mentorId === m.id).length).toBeLessThanOrEqual(m.capacity);
        for (const p of result.pairs) expect(pairFit(apprentices.find((x) => x.id === p.apprenticeId)!, mentors.find((x) => x.id === p.mentorId)!)?.fit).toBe(p.fit);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the trained place to the apprentice who needs it, even at a lower fit', () => {
    const apprentices: MentoringApprentice[] = [
      { id: 'needs', occupation: 'D1102', skills: [], languages: ['fr'], needsTrainedMentor: true },
      { id: 'other', occupation: 'M1805', skills: ['java', 'sql'], languages: ['fr'], needsTrainedMentor: false },
    ];
    const mentors: MentoringMentor[] = [
      { id: 'trained', occupations: ['M1805'], skills: ['java', 'sql'], languages: ['fr'], capacity: 1, trainedInDisability: true },
      { id: 'untrained', occupations: ['H2901'], skills: [], languages: ['fr'], capacity: 1, trainedInDisability: false },
    ];
    const result = assignMentors(apprentices, mentors);
    expect(result.pairs.find((p) => p.apprenticeId === 'needs')).toMatchObject({ mentorId: 'trained', disabilityGuaranteeMet: true });
    expect(result.guarantee).toEqual({ needed: 1, met: 1, missingTrainedPlaces: [] });
    const other = result.pairs.find((p) => p.apprenticeId === 'other')!;
    expect(other.mentorId).toBe('untrained');
    expect(other.reasons.map((r) => r.code)).toEqual(['SHARED_LANGUAGE']);
  });

  it('says how many trained places are missing, by occupation', () => {
    const apprentices: MentoringApprentice[] = [
      { id: 'a1', occupation: 'D1102', skills: [], languages: ['fr'], needsTrainedMentor: true },
      { id: 'a2', occupation: 'D1102', skills: [], languages: ['fr'], needsTrainedMentor: true },
      { id: 'a3', occupation: 'M1805', skills: [], languages: ['fr'], needsTrainedMentor: true },
    ];
    const mentors: MentoringMentor[] = [
      { id: 't', occupations: ['M1805'], skills: [], languages: ['fr'], capacity: 1, trainedInDisability: true },
      { id: 'u', occupations: ['D1102'], skills: [], languages: ['fr'], capacity: 5, trainedInDisability: false },
    ];
    const result = assignMentors(apprentices, mentors);
    expect(result.pairs).toHaveLength(3);
    expect(result.guarantee).toEqual({ needed: 3, met: 1, missingTrainedPlaces: [{ occupation: 'D1102', missing: 2 }] });
    expect(result.pairs.find((p) => p.apprenticeId === 'a3')?.reasons.map((r) => r.code)).toEqual(['SAME_OCCUPATION', 'SHARED_LANGUAGE', 'TRAINED_IN_DISABILITY']);
  });

  it('refuses pins it cannot keep, with stable codes', () => {
    const apprentices: MentoringApprentice[] = [{ id: 'a', occupation: 'D1102', skills: [], languages: ['fr'], needsTrainedMentor: false }];
    const mentors: MentoringMentor[] = [
      { id: 'full', occupations: [], skills: [], languages: ['fr'], capacity: 0, trainedInDisability: false },
      { id: 'en', occupations: [], skills: [], languages: ['en'], capacity: 1, trainedInDisability: false },
    ];
    const code = (pins: PinnedPair[]) => {
      try {
        assignMentors(apprentices, mentors, pins);
        return 'none';
      } catch (e) {
        return (e as AssignmentInputError).code;
      }
    };
    expect(code([{ apprenticeId: 'a', mentorId: 'full' }])).toBe('MENTOR_FULL');
    expect(code([{ apprenticeId: 'a', mentorId: 'en' }])).toBe('NO_SHARED_LANGUAGE');
    expect(code([{ apprenticeId: 'x', mentorId: 'en' }])).toBe('UNKNOWN_APPRENTICE');
    expect(code([{ apprenticeId: 'a', mentorId: 'x' }])).toBe('UNKNOWN_MENTOR');
  });

  it('never reads gender, origin or any other priority category', () => {
    const allowed = new Set(['id', 'occupation', 'skills', 'languages', 'needsTrainedMentor']);
    const guarded = (a: MentoringApprentice & Record<string, unknown>) =>
      new Proxy(a, {
        get(target, key) {
          if (typeof key === 'string' && !allowed.has(key)) throw new Error(`read ${key}`);
          return Reflect.get(target, key);
        },
      });
    const apprentices = [
      guarded({ id: 'a', occupation: 'D1102', skills: ['vente'], languages: ['fr'], needsTrainedMentor: false, gender: 'FEMALE', nationality: 'X', qpvResident: true, refugee: true, jobSeeker: true, qualificationLevel: 'NONE' }),
    ];
    const mentors: MentoringMentor[] = [{ id: 'm', occupations: ['D1102'], skills: ['vente'], languages: ['fr'], capacity: 1, trainedInDisability: false }];
    expect(assignMentors(apprentices, mentors).pairs).toHaveLength(1);
  });

  it('assigns a few thousand apprentices exactly, interchangeable people grouped', () => {
    const apprentices: MentoringApprentice[] = Array.from({ length: 2000 }, (_, i) => ({
      id: `a${i}`,
      occupation: OCCUPATIONS[i % 4],
      skills: [SKILLS[i % 4], SKILLS[(i * 7) % 4]],
      languages: i % 5 === 0 ? ['ar', 'fr'] : ['fr'],
      needsTrainedMentor: i % 9 === 0,
    }));
    const mentors: MentoringMentor[] = Array.from({ length: 300 }, (_, j) => ({
      id: `m${j}`,
      occupations: [OCCUPATIONS[j % 4]],
      skills: [SKILLS[j % 4]],
      languages: j % 3 === 0 ? ['fr', 'ar'] : ['fr'],
      capacity: 7,
      trainedInDisability: j % 10 === 0,
    }));
    const result = assignMentors(apprentices, mentors);
    expect(result.pairs).toHaveLength(2000);
    // 223 apprentices need a trained mentor; 30 trained mentors take 7 each
    expect(result.guarantee).toMatchObject({ needed: 223, met: 210 });
    expect(result.guarantee.missingTrainedPlaces.reduce((s, x) => s + x.missing, 0)).toBe(13);
  });
});
