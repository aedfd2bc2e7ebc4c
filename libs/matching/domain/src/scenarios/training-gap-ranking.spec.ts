import { SkillLevel } from '@alternance/taxonomy/domain';
import { ContractType, HireContractType } from '@alternance/offers/domain';
import { matchCandidatesForOffer, matchOffersForCandidate, trainingGap } from '../index';
import { CODE, DEVELOP, DOCUMENT, TEST, TODAY, aCandidate, aPoeiOffer, aProgram, aReference } from '../testing/match-factories';

/**
 * POE is train-then-hire: a job seeker whose missing skills one of the offer's programs can
 * teach within the legal hours is a better match than one with as many skills whose gap no
 * program within the cap can close. The offer requires CODE, DEVELOP and TEST.
 */
describe('POE training gap ranks a coverable gap first', () => {
  const offer = aPoeiOffer({
    id: 'poei-dev',
    hireContract: { type: HireContractType.CDD, durationMonths: 12 },
    skills: [
      { code: CODE, level: SkillLevel.INTERMEDIATE, required: true },
      { code: DEVELOP, level: SkillLevel.INTERMEDIATE, required: true },
      { code: TEST, level: SkillLevel.INTERMEDIATE, required: true },
    ],
    programIds: ['testing-course', 'full-stack'],
  });
  const testingCourse = aProgram({ id: 'testing-course', trainingHours: 210, competencyBlocks: [{ code: 'BC1', title: 'Tester', skillCodes: [TEST, DOCUMENT] }] });
  const fullStack = aProgram({ id: 'full-stack', trainingHours: 560, competencyBlocks: [{ code: 'BC1', title: 'Développer', skillCodes: [CODE, DEVELOP, TEST] }] });
  const reference = aReference({ programs: [testingCourse, fullStack] });
  const at = (code: string) => ({ code, level: SkillLevel.INTERMEDIATE });

  it('puts the priority-public job seeker whose gap fits the 600 h cap above the same profile capped at 450 h', () => {
    // Both lack DEVELOP: only the 560 h full-stack path teaches it, which only the priority public may follow.
    const skills = [at(CODE), at(TEST)];
    const capped = aCandidate({ id: 'a-capped', jobSeeker: true, skills });
    const priority = aCandidate({ id: 'z-priority', jobSeeker: true, skills, poePriorityPublic: true });
    const ranked = matchCandidatesForOffer(offer, [capped, priority], reference, TODAY);
    expect(ranked.map((r) => r.id)).toEqual(['z-priority', 'a-capped']);
    expect(ranked[0].trainingGap?.coveredBy).toEqual([{ id: 'full-stack', trainingHours: 560 }]);
    expect(ranked[1].trainingGap).toEqual({ skills: [{ code: DEVELOP, label: expect.any(String) }], coveredBy: [] });
    const gapReason = (i: number) => ranked[i].reasons.find((r) => r.code === 'TRAINING_GAP');
    expect(gapReason(0)?.contribution).toBe(4);
    expect(gapReason(1)).toMatchObject({ contribution: 0, label: 'Only 0 of the 1 missing skills can be taught within the training-hours cap' });
  });

  it('ranks a job seeker whose gap is teachable within the cap above one with an equal but unteachable gap', () => {
    // Each lacks one of three equally weighted skills (no core skills in this reference): TEST is
    // taught by the 210 h course, CODE only by the 560 h path, over the 450 h cap.
    const plain = aReference({ programs: [testingCourse, fullStack], coreSkills: [] });
    const lacksTest = aCandidate({ id: 'z-coverable', jobSeeker: true, skills: [at(CODE), at(DEVELOP)] });
    const lacksCode = aCandidate({ id: 'a-uncoverable', jobSeeker: true, skills: [at(DEVELOP), at(TEST)] });
    const ranked = matchCandidatesForOffer(offer, [lacksCode, lacksTest], plain, TODAY);
    expect(ranked.map((r) => r.id)).toEqual(['z-coverable', 'a-uncoverable']);
    const required = (i: number) => ranked[i].reasons.find((r) => r.code === 'REQUIRED_SKILLS')?.contribution;
    expect(required(0)).toBe(required(1));
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score);
    expect(ranked[0].trainingGap?.coveredBy).toEqual([{ id: 'testing-course', trainingHours: 210 }]);
    expect(ranked[1].trainingGap?.coveredBy).toEqual([]);
  });

  it('reports no gap for someone who holds every required skill', () => {
    const complete = aCandidate({ jobSeeker: true, skills: [at(CODE), at(DEVELOP), at(TEST)] });
    expect(trainingGap(complete, offer, reference)).toEqual({ skills: [], coveredBy: [] });
    expect(matchOffersForCandidate(complete, [offer], reference, TODAY)[0].reasons.find((r) => r.code === 'TRAINING_GAP')?.label).toBe('No skill gap to train before the job');
  });

  it('has no training gap for contracts that train on the job', () => {
    expect(trainingGap(aCandidate(), { ...offer, contractType: ContractType.APPRENTICESHIP, hireContract: null }, reference)).toBeNull();
  });
});
