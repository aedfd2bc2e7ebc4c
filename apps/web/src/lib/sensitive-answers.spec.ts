import { parseSensitiveAnswers } from './sensitive-answers';

describe('the answers kept only with consent', () => {
  const all = { disabilityRecognised: 'no', gender: 'FEMALE', highestQualification: 'LEVEL_3', livesInQpv: 'yes', internationalProtection: 'no', situationBefore: 'JOB_SEEKER' };

  it('sends every answer as given with consent', () => {
    const parsed = parseSensitiveAnswers({ sensitiveDataConsent: 'yes', ...all }, false);
    expect(parsed.consentNeeded).toBe(false);
    expect(parsed.input).toEqual({
      sensitiveDataConsent: true,
      disabilityRecognised: false,
      gender: 'FEMALE',
      highestQualification: 'LEVEL_3',
      livesInQpv: true,
      internationalProtection: false,
      situationBefore: 'JOB_SEEKER',
    });
    expect(parsed.values).toEqual({ sensitiveDataConsent: 'yes', ...all });
  });

  it('erases one answer alone with "no answer" (null), keeping the others', () => {
    const parsed = parseSensitiveAnswers({ sensitiveDataConsent: 'yes', ...all, livesInQpv: '' }, true);
    expect(parsed.input.livesInQpv).toBeNull();
    expect(parsed.input.highestQualification).toBe('LEVEL_3');
    expect(parsed.input.situationBefore).toBe('JOB_SEEKER');
  });

  it('sends null for a value outside its list or a missing field', () => {
    const parsed = parseSensitiveAnswers({ sensitiveDataConsent: 'yes', highestQualification: 'LEVEL_9', situationBefore: 'RETIRED', livesInQpv: 'maybe' }, false);
    expect(parsed.input).toEqual({
      sensitiveDataConsent: true,
      disabilityRecognised: null,
      gender: null,
      highestQualification: null,
      livesInQpv: null,
      internationalProtection: null,
      situationBefore: null,
    });
  });

  it('points at the consent box when answers come without it and none was given before', () => {
    for (const answer of [{ highestQualification: 'NONE' }, { livesInQpv: 'yes' }, { internationalProtection: 'yes' }, { situationBefore: 'OTHER' }, { disabilityRecognised: 'yes' }, { gender: 'MALE' }]) {
      expect(parseSensitiveAnswers(answer, false).consentNeeded).toBe(true);
    }
  });

  it('needs no consent for "no", "prefer not to say" or no answer at all', () => {
    expect(parseSensitiveAnswers({ livesInQpv: 'no', internationalProtection: 'no', disabilityRecognised: 'no', gender: 'UNDISCLOSED' }, false).consentNeeded).toBe(false);
    expect(parseSensitiveAnswers({}, false).consentNeeded).toBe(false);
  });

  it('withdraws consent given before: sends only the withdrawal, which erases them all, and shows no answer', () => {
    const parsed = parseSensitiveAnswers(all, true);
    expect(parsed.consentNeeded).toBe(false);
    expect(parsed.input).toEqual({ sensitiveDataConsent: false });
    expect(Object.values(parsed.values).every((v) => v === '')).toBe(true);
  });
});
