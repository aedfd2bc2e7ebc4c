import { Role } from '@alternance/platform/domain';
import { Gender, Visibility, canReadPrivateFields, canSeeIdentity, canViewProfile, checkBirthDate, checkSensitiveConsent } from './candidate';

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
});
