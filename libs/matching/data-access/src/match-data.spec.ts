import fc from 'fast-check';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { Gender, QualificationLevel, SituationBefore } from '@alternance/candidates/domain';
import { SkillLevel } from '@alternance/taxonomy/domain';
import { toMatchCandidate } from './match-data';

const PRIORITY_FIELDS = ['highestQualification', 'livesInQpv', 'internationalProtection', 'situationBefore'] as const;

function profile(): CandidateEntity {
  return Object.assign(new CandidateEntity(), {
    id: '6b1d8f9e-2f0a-4c57-9d8e-8a41f1f1c001',
    skills: [{ code: '400261', label: 'Coder', level: SkillLevel.INTERMEDIATE }],
    desiredRomeCodes: ['M1805'],
    lat: 48.8566,
    lng: 2.3522,
    birthDate: '2004-03-15',
    jobSeeker: true,
    sensitiveDataConsent: true,
    disabilityRecognised: true,
    gender: Gender.FEMALE,
  });
}

describe('what the matcher is handed of a profile', () => {
  it('never carries a priority category, whatever is declared (1,000 profiles)', () => {
    const declarations = fc.record({
      highestQualification: fc.option(fc.constantFrom(...Object.values(QualificationLevel))),
      livesInQpv: fc.constantFrom(true, false, null),
      internationalProtection: fc.constantFrom(true, false, null),
      situationBefore: fc.option(fc.constantFrom(...Object.values(SituationBefore))),
      sensitiveDataConsent: fc.boolean(),
    });
    fc.assert(
      fc.property(declarations, declarations, (a, b) => {
        const first = toMatchCandidate(Object.assign(profile(), a), 'Camille Martin');
        const second = toMatchCandidate(Object.assign(profile(), { ...b, sensitiveDataConsent: a.sensitiveDataConsent }), 'Camille Martin');
        expect(Object.keys(first).filter((k) => (PRIORITY_FIELDS as readonly string[]).includes(k))).toEqual([]);
        expect(second).toEqual(first);
      }),
      { numRuns: 1_000, seed: 1705 },
    );
  });
});
