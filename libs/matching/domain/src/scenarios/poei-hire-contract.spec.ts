import { HireContractType } from '@alternance/offers/domain';
import { EligibilityCode, MatchHireContract, eligibility } from '../index';
import { TODAY, aCandidate, aPoeiOffer, aReference, codes } from '../testing/match-factories';

/**
 * A POEI is for a registered job seeker and leads to a job (Code du travail L6326-1): a CDI,
 * or a fixed-term, professionalisation or apprenticeship contract of at least 6 months. When
 * the job is an apprenticeship or a professionalisation contract, the person must qualify for it.
 */
describe('POEI: job seeker and hire contract', () => {
  const reference = aReference();
  const jobSeeker = aCandidate({ jobSeeker: true, birthDate: '1990-05-05' });
  const withHire = (hireContract: MatchHireContract | null, candidate = jobSeeker) => eligibility(candidate, aPoeiOffer({ hireContract }), reference, TODAY);

  it('accepts a CDI, with or without a length', () => {
    expect(withHire({ type: HireContractType.CDI, durationMonths: null }).eligible).toBe(true);
  });

  it('accepts a CDD of 6 months, not of 5 or of unstated length', () => {
    expect(withHire({ type: HireContractType.CDD, durationMonths: 6 }).eligible).toBe(true);
    const short = withHire({ type: HireContractType.CDD, durationMonths: 5 });
    expect(codes(short)).toEqual([EligibilityCode.HIRE_CONTRACT_TOO_SHORT]);
    expect(short.reasons[0].label).toBe('The job after the training must be a CDI or last at least 6 months (offered: 5 months) (Code du travail L6326-1, Code du travail R6326-1 to R6326-5)');
    expect(codes(withHire({ type: HireContractType.CDD, durationMonths: null }))).toEqual([EligibilityCode.HIRE_CONTRACT_TOO_SHORT]);
  });

  it('applies the same 6 months to professionalisation and apprenticeship hires', () => {
    expect(codes(withHire({ type: HireContractType.PROFESSIONALISATION, durationMonths: 5 }))).toEqual([EligibilityCode.HIRE_CONTRACT_TOO_SHORT]);
    expect(withHire({ type: HireContractType.PROFESSIONALISATION, durationMonths: 6 }).eligible).toBe(true);
    const young = aCandidate({ jobSeeker: true, birthDate: '2003-01-01' });
    expect(codes(withHire({ type: HireContractType.APPRENTICESHIP, durationMonths: 5 }, young))).toEqual([EligibilityCode.HIRE_CONTRACT_TOO_SHORT]);
    expect(withHire({ type: HireContractType.APPRENTICESHIP, durationMonths: 24 }, young).eligible).toBe(true);
  });

  it('refuses an offer that promises no hire', () => {
    expect(codes(withHire(null))).toEqual([EligibilityCode.HIRE_CONTRACT_MISSING]);
  });

  it('checks the apprenticeship age limit when the job is an apprenticeship', () => {
    const apprenticeship = { type: HireContractType.APPRENTICESHIP, durationMonths: 24 };
    const refused = withHire(apprenticeship, aCandidate({ jobSeeker: true, birthDate: '1995-09-01' }));
    expect(codes(refused)).toEqual([EligibilityCode.AGE_ABOVE_MAXIMUM]);
    expect(refused.reasons[0].label).toContain('for an apprenticeship (Code du travail L6222-1');
    expect(withHire(apprenticeship, aCandidate({ jobSeeker: true, birthDate: '1995-09-02' })).eligible).toBe(true);
    expect(withHire(apprenticeship, aCandidate({ jobSeeker: true, birthDate: '1995-09-01', disabilityRecognised: true })).eligible).toBe(true);
  });

  it('needs no birth date for a CDI hire, but does for an apprenticeship hire', () => {
    const unknownAge = aCandidate({ jobSeeker: true, birthDate: null });
    expect(withHire({ type: HireContractType.CDI, durationMonths: null }, unknownAge).eligible).toBe(true);
    expect(codes(withHire({ type: HireContractType.APPRENTICESHIP, durationMonths: 12 }, unknownAge))).toEqual([EligibilityCode.BIRTH_DATE_UNKNOWN]);
  });

  it('is for registered job seekers only', () => {
    const refused = withHire({ type: HireContractType.CDI, durationMonths: null }, aCandidate({ jobSeeker: false }));
    expect(codes(refused)).toEqual([EligibilityCode.NOT_A_JOB_SEEKER]);
    expect(refused.reasons[0].labelFr).toBe("Une POEI est réservée aux demandeurs d'emploi inscrits (Code du travail L6326-1, Code du travail R6326-1 to R6326-5)");
  });

  it('reports every failed rule at once, for the explanation', () => {
    const verdict = withHire({ type: HireContractType.CDD, durationMonths: 3 }, aCandidate({ jobSeeker: false, mobilityRadiusKm: 1, location: { lat: 43.6, lng: 1.44 } }));
    expect(codes(verdict)).toEqual([EligibilityCode.OUT_OF_MOBILITY_RADIUS, EligibilityCode.NOT_A_JOB_SEEKER, EligibilityCode.HIRE_CONTRACT_TOO_SHORT]);
  });
});
