import { DomainException } from './errors';
import { MAX_PAGE_SIZE, decodeCursor, encodeCursor, pageRequest } from './cursor';
import { ageOn, addMonths } from './clock';

describe('cursor pagination', () => {
  it('round-trips cursors and starts after them', () => {
    expect(decodeCursor(encodeCursor(41))).toBe(41);
    expect(pageRequest(10, encodeCursor(9))).toEqual({ limit: 10, offset: 10 });
    expect(pageRequest(undefined, undefined)).toEqual({ limit: 20, offset: 0 });
  });

  it('refuses forged cursors and oversized pages', () => {
    expect(() => decodeCursor('bm9wZQ')).toThrow(DomainException);
    expect(() => pageRequest(MAX_PAGE_SIZE + 1, null)).toThrow(/first/);
    expect(() => pageRequest(-1, null)).toThrow(/first/);
  });
});

describe('dates', () => {
  it('counts age as birthdays do, in UTC', () => {
    expect(ageOn(new Date('2008-11-23T00:00:00Z'), new Date('2026-11-22T23:59:59Z'))).toBe(17);
    expect(ageOn(new Date('2008-11-23T00:00:00Z'), new Date('2026-11-23T00:00:00Z'))).toBe(18);
    expect(ageOn(new Date('2008-02-29T00:00:00Z'), new Date('2026-02-28T00:00:00Z'))).toBe(17);
  });

  it('adds months without overflowing short months', () => {
    expect(addMonths(new Date('2027-01-31T08:00:00Z'), 1).toISOString()).toBe('2027-02-28T08:00:00.000Z');
  });
});
