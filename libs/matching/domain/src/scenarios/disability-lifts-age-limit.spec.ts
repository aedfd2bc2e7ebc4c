import { ContractType } from '@alternance/offers/domain';
import { EducationLevel } from '@alternance/candidates/domain';
import { EligibilityCode, eligibility, score } from '../index';
import { TODAY, aCandidate, anOffer, aReference, codes } from '../testing/match-factories';

/**
 * A recognised disability (RQTH) lifts the apprenticeship upper age limit (Code du travail
 * L6222-2) and nothing else: not the minimum age, not other contracts, never the score.
 */
describe('a recognised disability lifts the apprenticeship age limit', () => {
  const reference = aReference();
  const offer = anOffer();

  it('opens apprenticeship at 30 and at 52 with RQTH', () => {
    expect(eligibility(aCandidate({ birthDate: '1995-09-01', disabilityRecognised: true }), offer, reference, TODAY)).toEqual({ eligible: true, reasons: [] });
    expect(eligibility(aCandidate({ birthDate: '1973-01-20', disabilityRecognised: true }), offer, reference, TODAY).eligible).toBe(true);
  });

  it('keeps the limit when RQTH is absent or unknown', () => {
    for (const disabilityRecognised of [false, null]) {
      expect(codes(eligibility(aCandidate({ birthDate: '1995-09-01', disabilityRecognised }), offer, reference, TODAY))).toEqual([EligibilityCode.AGE_ABOVE_MAXIMUM]);
    }
  });

  it('does not lower the minimum age', () => {
    const young = aCandidate({ birthDate: '2009-09-02', educationLevel: EducationLevel.NONE, disabilityRecognised: true });
    expect(codes(eligibility(young, offer, reference, TODAY))).toEqual([EligibilityCode.AGE_BELOW_MINIMUM]);
  });

  it('does not change the professionalisation rule (L6325-1 has no RQTH exception)', () => {
    const pro = anOffer({ contractType: ContractType.PROFESSIONALISATION });
    const person = aCandidate({ birthDate: '1990-01-01', jobSeeker: false, disabilityRecognised: true });
    expect(codes(eligibility(person, pro, reference, TODAY))).toEqual([EligibilityCode.NOT_A_JOB_SEEKER]);
  });

  it('leaves the score exactly as it is', () => {
    const base = aCandidate({ birthDate: '1990-01-01' });
    const withRqth = score({ ...base, disabilityRecognised: true }, offer, reference, TODAY);
    expect(score({ ...base, disabilityRecognised: false }, offer, reference, TODAY)).toEqual(withRqth);
    expect(score({ ...base, disabilityRecognised: null }, offer, reference, TODAY)).toEqual(withRqth);
  });
});
