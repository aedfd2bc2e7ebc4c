import { Role } from '@alternance/platform/domain';
import {
  Gender,
  QualificationLevel,
  SENSITIVE_FIELDS,
  SENSITIVE_FIELD_REASONS,
  SituationBefore,
  Visibility,
  canReadPrivateFields,
  canSeeIdentity,
  canViewProfile,
  checkBirthDate,
  checkSensitiveConsent,
  erasedSensitiveFields,
} from './candidate';

const owner = { userId: 'u-cand', role: Role.CANDIDATE };
const other = { userId: 'u-other', role: Role.CANDIDATE };
const employer = { userId: 'u-emp', role: Role.EMPLOYER, organizationId: 'o1' };
const recruiter = { userId: 'u-rec', role: Role.RECRUITER };
const admin = { userId: 'u-adm', role: Role.ADMIN };

describe('candidate privacy', () => {
  it('lets only the candidate and staff read private fields', () => {
    expect(canReadPrivateFields(owner, 'u-cand')).toBe(true);
    expect(canReadPrivateFields(recruiter, 'u-cand')).toBe(true);
    expect(canReadPrivateFields(admin, 'u-cand')).toBe(true);
    expect(canReadPrivateFields(employer, 'u-cand')).toBe(false);
    expect(canReadPrivateFields(other, 'u-cand')).toBe(false);
    expect(canReadPrivateFields(null, 'u-cand')).toBe(false);
  });

  it('hides identity of anonymous candidates from employers', () => {
    expect(canSeeIdentity(employer, 'u-cand', Visibility.PUBLIC)).toBe(true);
    expect(canSeeIdentity(employer, 'u-cand', Visibility.ANONYMOUS)).toBe(false);
    expect(canSeeIdentity(owner, 'u-cand', Visibility.ANONYMOUS)).toBe(true);
  });

  it('never shows hidden profiles to employers or other candidates', () => {
    expect(canViewProfile(employer, 'u-cand', Visibility.HIDDEN)).toBe(false);
    expect(canViewProfile(employer, 'u-cand', Visibility.ANONYMOUS)).toBe(true);
    expect(canViewProfile(other, 'u-cand', Visibility.PUBLIC)).toBe(false);
    expect(canViewProfile(recruiter, 'u-cand', Visibility.HIDDEN)).toBe(true);
  });
});

describe('candidate input rules', () => {
  const today = new Date('2026-11-23T00:00:00Z');
  it('accepts plausible birth dates only', () => {
    expect(checkBirthDate('2008-11-23', today)).toEqual([]);
    expect(checkBirthDate('2012-11-24', today)).toHaveLength(1); // 13
    expect(checkBirthDate('1900-01-01', today)).toHaveLength(1);
  });

  it('records disability or gender only with consent', () => {
    expect(checkSensitiveConsent({ disabilityRecognised: true }, false)).toHaveLength(1);
    expect(checkSensitiveConsent({ disabilityRecognised: true, sensitiveDataConsent: true }, false)).toEqual([]);
    expect(checkSensitiveConsent({ gender: Gender.FEMALE }, true)).toEqual([]);
    expect(checkSensitiveConsent({ gender: Gender.UNDISCLOSED }, false)).toEqual([]);
    expect(checkSensitiveConsent({ disabilityRecognised: false }, false)).toEqual([]);
  });

  it('records a priority category only with consent; a "no" needs none', () => {
    const declarations = [
      { highestQualification: QualificationLevel.NONE },
      { highestQualification: QualificationLevel.LEVEL_8 },
      { livesInQpv: true },
      { internationalProtection: true },
      { situationBefore: SituationBefore.JOB_SEEKER },
    ];
    for (const declaration of declarations) {
      expect(checkSensitiveConsent(declaration, false)).toEqual([{ path: 'sensitiveDataConsent', message: expect.any(String) }]);
      expect(checkSensitiveConsent({ ...declaration, sensitiveDataConsent: true }, false)).toEqual([]);
      expect(checkSensitiveConsent(declaration, true)).toEqual([]);
      // Withdrawing consent in the same input refuses the declaration.
      expect(checkSensitiveConsent({ ...declaration, sensitiveDataConsent: false }, true)).toHaveLength(1);
    }
    expect(checkSensitiveConsent({ livesInQpv: false, internationalProtection: false, highestQualification: null, situationBefore: null }, false)).toEqual([]);
  });
});

describe('sensitive declarations', () => {
  it('gives every declaration its reason, and erases all of them together', () => {
    expect([...SENSITIVE_FIELDS]).toEqual(['disabilityRecognised', 'gender', 'highestQualification', 'livesInQpv', 'internationalProtection', 'situationBefore']);
    for (const field of SENSITIVE_FIELDS) expect(SENSITIVE_FIELD_REASONS[field].length).toBeGreaterThan(30);
    expect(erasedSensitiveFields()).toEqual({
      disabilityRecognised: null,
      gender: null,
      highestQualification: null,
      livesInQpv: null,
      internationalProtection: null,
      situationBefore: null,
    });
  });

  it('offers no qualification, then the French levels 3 to 8', () => {
    expect(Object.values(QualificationLevel)).toEqual(['NONE', 'LEVEL_3', 'LEVEL_4', 'LEVEL_5', 'LEVEL_6', 'LEVEL_7', 'LEVEL_8']);
    expect(Object.values(SituationBefore)).toEqual(['STUDENT', 'JOB_SEEKER', 'EMPLOYED', 'OTHER']);
  });
});
