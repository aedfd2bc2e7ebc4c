import { Country } from '@alternance/platform/domain';
import { ContractType } from '@alternance/offers/domain';
import { EducationLevel } from '@alternance/candidates/domain';
import { EligibilityCode, eligibility } from '../index';
import { TODAY, aCandidate, anOffer, aProgram, aReference, codes } from '../testing/match-factories';

/**
 * UK (England apprenticeship funding rules) and US (29 CFR 29.5(b)(10)): an apprentice is 16
 * or over at the start, with no upper limit and no job-seeker condition. French contracts
 * (professionalisation, POE) do not exist there. Contract start: 2025-09-01.
 */
describe.each([Country.UK, Country.US])('%s apprenticeship', (country) => {
  const reference = aReference();
  const offer = anOffer({ country });
  const verdict = (overrides: Parameters<typeof aCandidate>[0]) => eligibility(aCandidate(overrides), offer, reference, TODAY);

  it('starts at 16: not the day before, and no exception at 15', () => {
    expect(codes(verdict({ birthDate: '2009-09-02', educationLevel: EducationLevel.LOWER_SECONDARY }))).toEqual([EligibilityCode.AGE_BELOW_MINIMUM]);
    expect(verdict({ birthDate: '2009-09-01' }).eligible).toBe(true);
  });

  it('has no upper age limit, with or without a recognised disability', () => {
    expect(verdict({ birthDate: '1995-09-01' }).eligible).toBe(true);
    expect(verdict({ birthDate: '1961-02-14', disabilityRecognised: false }).eligible).toBe(true);
  });

  it('does not need the French "open to apprenticeship" flag on programs', () => {
    const program = aProgram({ openToApprenticeship: false });
    expect(eligibility(aCandidate(), { ...offer, programIds: [program.id] }, aReference({ programs: [program] }), TODAY).eligible).toBe(true);
  });

  it('knows no professionalisation contract or POE', () => {
    for (const contractType of [ContractType.PROFESSIONALISATION, ContractType.POEI, ContractType.POEC]) {
      const result = eligibility(aCandidate({ jobSeeker: true }), anOffer({ country, contractType }), reference, TODAY);
      expect(codes(result)).toEqual([EligibilityCode.CONTRACT_NOT_AVAILABLE_IN_COUNTRY]);
      expect(result.reasons[0].label).toContain(`does not exist in ${country}`);
    }
  });
});
