import { EducationLevel } from '@alternance/candidates/domain';
import { EligibilityCode, eligibility } from '../index';
import { TODAY, aCandidate, anOffer, aReference, codes } from '../testing/match-factories';

/**
 * Apprenticeship: 16 to 29 at the contract start (Code du travail L6222-1), 15 once collège
 * is finished. The contract starts on the later of the offer's earliest start, the day the
 * person is free and today. Offer window: 2025-09-01 to 2025-10-31.
 */
describe('apprenticeship age limits', () => {
  const reference = aReference();
  const offer = anOffer();
  const verdict = (overrides: Parameters<typeof aCandidate>[0]) => eligibility(aCandidate(overrides), offer, reference, TODAY);

  it('refuses the day before the 16th birthday without collège finished, accepts on the birthday', () => {
    expect(codes(verdict({ birthDate: '2009-09-02', educationLevel: EducationLevel.NONE }))).toEqual([EligibilityCode.AGE_BELOW_MINIMUM]);
    expect(verdict({ birthDate: '2009-09-01', educationLevel: EducationLevel.NONE })).toEqual({ eligible: true, reasons: [] });
  });

  it('accepts a 15-year-old who has finished collège, not the day before the 15th birthday', () => {
    expect(verdict({ birthDate: '2009-09-02', educationLevel: EducationLevel.LOWER_SECONDARY }).eligible).toBe(true);
    expect(verdict({ birthDate: '2010-09-01', educationLevel: EducationLevel.LOWER_SECONDARY }).eligible).toBe(true);
    expect(codes(verdict({ birthDate: '2010-09-02', educationLevel: EducationLevel.LOWER_SECONDARY }))).toEqual([EligibilityCode.AGE_BELOW_MINIMUM]);
    expect(verdict({ birthDate: '2010-09-01', educationLevel: EducationLevel.LEVEL_3 }).eligible).toBe(true);
  });

  it('accepts the day before the 30th birthday and refuses on it', () => {
    expect(verdict({ birthDate: '1995-09-02' }).eligible).toBe(true);
    const refused = verdict({ birthDate: '1995-09-01' });
    expect(codes(refused)).toEqual([EligibilityCode.AGE_ABOVE_MAXIMUM]);
    expect(refused.reasons[0].label).toBe('Aged 30 on 2025-09-01, above the maximum of 29 for an apprenticeship (Code du travail L6222-1, Code du travail L6222-2)');
    expect(refused.reasons[0].labelFr).toContain("30 ans au 2025-09-01, au-delà de l'âge maximum de 29 ans pour un contrat d'apprentissage");
  });

  it('counts the age on the day the person becomes free when that is later than the earliest start', () => {
    expect(verdict({ birthDate: '1995-10-01', availableFrom: '2025-09-30' }).eligible).toBe(true);
    expect(codes(verdict({ birthDate: '1995-10-01', availableFrom: '2025-10-01' }))).toEqual([EligibilityCode.AGE_ABOVE_MAXIMUM]);
  });

  it('counts the age today when the earliest start has already passed', () => {
    const open = anOffer({ startEarliest: '2025-01-06', startLatest: '2025-12-19' });
    expect(eligibility(aCandidate({ birthDate: '1995-06-03' }), open, reference, TODAY).eligible).toBe(true);
    expect(eligibility(aCandidate({ birthDate: '1995-06-02' }), open, reference, TODAY).eligible).toBe(false);
  });

  it('treats a 29 February birthday as reached on 1 March in a common year', () => {
    const feb28 = anOffer({ startEarliest: '2026-02-28', startLatest: '2026-03-31' });
    const mar1 = anOffer({ startEarliest: '2026-03-01', startLatest: '2026-03-31' });
    expect(eligibility(aCandidate({ birthDate: '1996-02-29' }), feb28, reference, TODAY).eligible).toBe(true);
    expect(codes(eligibility(aCandidate({ birthDate: '1996-02-29' }), mar1, reference, TODAY))).toEqual([EligibilityCode.AGE_ABOVE_MAXIMUM]);
  });

  it('does not guess an unknown or invalid birth date', () => {
    expect(codes(verdict({ birthDate: null }))).toEqual([EligibilityCode.BIRTH_DATE_UNKNOWN]);
    expect(codes(verdict({ birthDate: '2005-02-30' }))).toEqual([EligibilityCode.BIRTH_DATE_UNKNOWN]);
  });

  it('needs no job-seeker registration', () => {
    expect(verdict({ jobSeeker: false }).eligible).toBe(true);
  });
});
