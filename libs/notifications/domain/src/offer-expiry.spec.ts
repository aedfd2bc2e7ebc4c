import { ExpiryStage, dueExpiryWarning, expiryWarningText, isExpired } from './offer-expiry';

const at = (iso: string) => new Date(iso);
const none = new Set<ExpiryStage>();

describe('offer expiry notices', () => {
  const expiresAt = at('2027-01-22T09:00:00Z');

  it('expires at the exact instant', () => {
    expect(isExpired(at('2027-01-22T08:59:59Z'), expiresAt)).toBe(false);
    expect(isExpired(at('2027-01-22T09:00:00Z'), expiresAt)).toBe(true);
  });

  it('warns from the start of the day 7 days before, then of the day before', () => {
    expect(dueExpiryWarning(at('2027-01-14T23:59:59Z'), expiresAt, none)).toEqual({ send: null, settle: [] });
    expect(dueExpiryWarning(at('2027-01-15T00:00:00Z'), expiresAt, none)).toEqual({ send: ExpiryStage.WARN_7_DAYS, settle: [ExpiryStage.WARN_7_DAYS] });
    const sevenDone = new Set([ExpiryStage.WARN_7_DAYS]);
    expect(dueExpiryWarning(at('2027-01-20T12:00:00Z'), expiresAt, sevenDone)).toEqual({ send: null, settle: [] });
    expect(dueExpiryWarning(at('2027-01-21T00:00:00Z'), expiresAt, sevenDone)).toEqual({ send: ExpiryStage.WARN_1_DAY, settle: [ExpiryStage.WARN_1_DAY] });
    const bothDone = new Set([ExpiryStage.WARN_7_DAYS, ExpiryStage.WARN_1_DAY]);
    expect(dueExpiryWarning(at('2027-01-22T08:00:00Z'), expiresAt, bothDone)).toEqual({ send: null, settle: [] });
  });

  it('sends only the latest warning when several are due at once', () => {
    expect(dueExpiryWarning(at('2027-01-21T10:00:00Z'), expiresAt, none)).toEqual({
      send: ExpiryStage.WARN_1_DAY,
      settle: [ExpiryStage.WARN_7_DAYS, ExpiryStage.WARN_1_DAY],
    });
  });

  it('sends no warning once the offer has expired', () => {
    expect(dueExpiryWarning(at('2027-01-22T09:00:00Z'), expiresAt, none)).toEqual({ send: null, settle: [] });
  });

  it('says how many days are left', () => {
    expect(expiryWarningText('Boulanger', at('2027-01-15T00:00:00Z'), expiresAt).title).toBe('Your offer “Boulanger” expires in 7 days');
    expect(expiryWarningText('Boulanger', at('2027-01-21T00:00:00Z'), expiresAt).title).toBe('Your offer “Boulanger” expires tomorrow');
    expect(expiryWarningText('Boulanger', at('2027-01-21T00:00:00Z'), expiresAt).body).toContain('2027-01-22 (at 09:00 UTC)');
  });
});
