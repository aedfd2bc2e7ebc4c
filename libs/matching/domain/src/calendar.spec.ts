import fc from 'fast-check';
import { ageOn, distanceKm, isCalendarDate } from '@alternance/platform/domain';
import { ageInYears, parseDay, toDay } from './calendar';
import { greatCircleKm } from './prepare';

/** The matcher's fast date and distance arithmetic must give exactly what the platform helpers give. */
describe('calendar and distance arithmetic', () => {
  const day = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));

  it('computes ages exactly as ageOn, 29 February included', () => {
    fc.assert(
      fc.property(day, day, (birth, on) => {
        const a = parseDay(birth)!;
        const b = parseDay(on)!;
        return ageInYears(a, b) === ageOn(new Date(`${birth}T00:00:00Z`), new Date(`${on}T00:00:00Z`));
      }),
      { numRuns: 20_000, seed: 29 },
    );
    expect(ageInYears(parseDay('2008-02-29')!, parseDay('2025-02-28')!)).toBe(16);
    expect(ageInYears(parseDay('2008-02-29')!, parseDay('2025-03-01')!)).toBe(17);
  });

  it('numbers days as the epoch does and knows the same calendar days as isCalendarDate', () => {
    fc.assert(
      fc.property(day, (iso) => parseDay(iso)!.n === Date.parse(`${iso}T00:00:00Z`) / 86_400_000),
      { numRuns: 5_000, seed: 30 },
    );
    for (const value of ['2024-02-29', '2025-02-29', '2100-02-29', '2000-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-1-01', '01/09/2025', '']) {
      expect(parseDay(value) !== null).toBe(isCalendarDate(value));
    }
    expect(toDay(new Date('2025-06-02T23:59:59Z')).iso).toBe('2025-06-02');
    expect(() => toDay('tomorrow')).toThrow(RangeError);
  });

  it('measures distance exactly as distanceKm', () => {
    const point = fc.record({ lat: fc.double({ min: -89, max: 89, noNaN: true }), lng: fc.double({ min: -180, max: 180, noNaN: true }) });
    fc.assert(
      fc.property(point, point, (a, b) => {
        const rad = Math.PI / 180;
        return greatCircleKm(a.lat, a.lng, Math.cos(a.lat * rad), b.lat, b.lng, Math.cos(b.lat * rad)) === distanceKm(a, b);
      }),
      { numRuns: 5_000, seed: 31 },
    );
  });
});
