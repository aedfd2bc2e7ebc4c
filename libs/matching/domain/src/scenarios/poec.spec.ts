import { ContractType } from '@alternance/offers/domain';
import { EligibilityCode, eligibility, matchOffersForCandidate } from '../index';
import { CODE, DEVELOP, TEST, TODAY, aCandidate, anOffer, aProgram, aReference, codes } from '../testing/match-factories';
import { SkillLevel } from '@alternance/taxonomy/domain';

/**
 * POEC (Code du travail L6326-3): collective training for registered job seekers towards a
 * sector's jobs, with no hire promised, and no age condition. Its training cap is 400 hours.
 */
describe('POEC', () => {
  const offer = anOffer({ id: 'poec-1', contractType: ContractType.POEC });
  const reference = aReference();

  it('is for registered job seekers only', () => {
    expect(codes(eligibility(aCandidate({ jobSeeker: false }), offer, reference, TODAY))).toEqual([EligibilityCode.NOT_A_JOB_SEEKER]);
    expect(eligibility(aCandidate({ jobSeeker: true }), offer, reference, TODAY).eligible).toBe(true);
  });

  it('has no age condition, so needs no birth date', () => {
    expect(eligibility(aCandidate({ jobSeeker: true, birthDate: null }), offer, reference, TODAY).eligible).toBe(true);
    expect(eligibility(aCandidate({ jobSeeker: true, birthDate: '1962-11-11' }), offer, reference, TODAY).eligible).toBe(true);
  });

  it('promises no hire, so asks for no hire contract', () => {
    expect(eligibility(aCandidate({ jobSeeker: true }), anOffer({ contractType: ContractType.POEC, hireContract: null }), reference, TODAY).reasons).toEqual([]);
  });

  it('caps the training at 400 hours', () => {
    const within = aProgram({ id: 'p400', trainingHours: 400 });
    const over = aProgram({ id: 'p401', trainingHours: 401 });
    const programs = aReference({ programs: [within, over] });
    const person = aCandidate({ jobSeeker: true });
    expect(eligibility(person, { ...offer, programIds: ['p400'] }, programs, TODAY).eligible).toBe(true);
    expect(codes(eligibility(person, { ...offer, programIds: ['p401'] }, programs, TODAY))).toEqual([EligibilityCode.TRAINING_HOURS_ABOVE_CAP]);
  });

  it('returns the training gap and the programs that teach it', () => {
    const program = aProgram({ id: 'front', trainingHours: 350, competencyBlocks: [{ code: 'BC01', title: 'Front-end', skillCodes: [CODE, DEVELOP, TEST] }] });
    const poec = { ...offer, programIds: ['front'] };
    const person = aCandidate({ jobSeeker: true, skills: [{ code: CODE, level: SkillLevel.ADVANCED }] });
    const [result] = matchOffersForCandidate(person, [poec], aReference({ programs: [program] }), TODAY);
    expect(result.trainingGap).toEqual({
      skills: [{ code: DEVELOP, label: 'Réaliser des études et développements informatiques' }],
      coveredBy: [{ id: 'front', trainingHours: 350 }],
    });
  });
});
