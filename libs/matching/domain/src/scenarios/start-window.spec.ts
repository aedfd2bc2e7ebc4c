import { EligibilityCode, eligibility, score } from '../index';
import { TODAY, aCandidate, anOffer, aReference, codes } from '../testing/match-factories';

/**
 * The person must be free by the offer's latest start. Waiting between being free and the
 * start costs start-date points, down to none after 180 days. Offer window: 2025-09-01 to
 * 2025-10-31; today 2025-06-02.
 */
describe('start window', () => {
  const reference = aReference();
  const offer = anOffer();

  it('accepts someone free on the latest start day, not the day after', () => {
    expect(eligibility(aCandidate({ availableFrom: '2025-10-31' }), offer, reference, TODAY).eligible).toBe(true);
    const late = eligibility(aCandidate({ availableFrom: '2025-11-01' }), offer, reference, TODAY);
    expect(codes(late)).toEqual([EligibilityCode.START_WINDOW_MISSED]);
    expect(late.reasons[0].label).toBe('Not available before the latest start date (2025-10-31)');
  });

  it('closes the window for everyone once today is past the latest start', () => {
    expect(codes(eligibility(aCandidate({ availableFrom: null }), offer, reference, '2025-11-01'))).toEqual([EligibilityCode.START_WINDOW_MISSED]);
    expect(eligibility(aCandidate({ availableFrom: null }), offer, reference, '2025-10-31').eligible).toBe(true);
  });

  it('reads today from a Date as its UTC day', () => {
    expect(eligibility(aCandidate(), offer, reference, new Date('2025-10-31T23:59:59Z')).eligible).toBe(true);
    expect(eligibility(aCandidate(), offer, reference, new Date('2025-11-01T00:00:00Z')).eligible).toBe(false);
  });

  it('gives full start-date points to someone free inside the window and fewer to someone who would wait', () => {
    const part = (availableFrom: string | null, today = TODAY) =>
      score(aCandidate({ availableFrom }), offer, reference, today).reasons.find((r) => r.code === 'START_DATE');
    expect(part('2025-09-15')?.contribution).toBe(3);
    expect(part('2025-09-01')?.contribution).toBe(3);
    // Free on 2025-07-03: 60 days of wait out of 180.
    expect(part('2025-07-03')).toMatchObject({ contribution: 2, label: 'Would wait 60 days for the start (2025-09-01)' });
    // Free now (2025-06-02): 91 days.
    expect(part(null)?.contribution).toBe(Math.round((300 * (180 - 91)) / 180) / 100);
    expect(part(null, '2025-01-01')?.contribution).toBe(0);
  });
});
