import { ContractType } from '@alternance/offers/domain';
import { EducationLevel } from '@alternance/candidates/domain';
import { EligibilityCode, eligibility } from '../index';
import { TODAY, aCandidate, anOffer, aReference, codes } from '../testing/match-factories';

/**
 * Professionalisation contract (Code du travail L6325-1): 16 to 25 "révolus", or a registered
 * job seeker aged 26 or more, with no upper limit. Contract start: 2025-09-01.
 */
describe('professionalisation: 16 to 25, or a job seeker from 26', () => {
  const reference = aReference();
  const offer = anOffer({ contractType: ContractType.PROFESSIONALISATION });
  const verdict = (overrides: Parameters<typeof aCandidate>[0]) => eligibility(aCandidate(overrides), offer, reference, TODAY);

  it('accepts anyone the day before the 26th birthday', () => {
    expect(verdict({ birthDate: '1999-09-02', jobSeeker: false }).eligible).toBe(true);
  });

  it('asks for job-seeker registration from the 26th birthday', () => {
    const refused = verdict({ birthDate: '1999-09-01', jobSeeker: false });
    expect(codes(refused)).toEqual([EligibilityCode.NOT_A_JOB_SEEKER]);
    expect(refused.reasons[0].label).toBe('From 26, a professionalisation contract is open to registered job seekers only (Code du travail L6325-1)');
    expect(verdict({ birthDate: '1999-09-01', jobSeeker: true }).eligible).toBe(true);
  });

  it('has no upper age limit for a job seeker', () => {
    expect(verdict({ birthDate: '1968-04-30', jobSeeker: true }).eligible).toBe(true);
  });

  it('starts at 16 for everyone: no collège exception', () => {
    expect(codes(verdict({ birthDate: '2009-09-02', educationLevel: EducationLevel.LEVEL_3 }))).toEqual([EligibilityCode.AGE_BELOW_MINIMUM]);
    expect(verdict({ birthDate: '2009-09-01', educationLevel: EducationLevel.NONE }).eligible).toBe(true);
  });

  it('needs a birth date', () => {
    expect(codes(verdict({ birthDate: null, jobSeeker: true }))).toEqual([EligibilityCode.BIRTH_DATE_UNKNOWN]);
  });
});
