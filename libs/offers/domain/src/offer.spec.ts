import {
  ContractType,
  HireContractType,
  OfferStatus,
  allowedMoves,
  canMove,
  checkHireContract,
  checkSalary,
  checkStartWindow,
  defaultExpiry,
  isCalendarDate,
  isEditable,
} from './offer';

describe('offer rules', () => {
  it('refuses a start window that ends before it begins', () => {
    expect(checkStartWindow({ earliest: '2026-09-01', latest: '2026-08-31' })).toEqual([
      { path: 'startDate.latest', message: expect.any(String) },
    ]);
    expect(checkStartWindow({ earliest: '2026-09-01', latest: '2026-09-01' })).toEqual([]);
  });

  it('knows real calendar days', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('01/09/2027')).toBe(false);
  });

  it('requires a hire contract on POEI offers only', () => {
    expect(checkHireContract(ContractType.POEI, null)).toHaveLength(1);
    expect(checkHireContract(ContractType.POEI, { type: HireContractType.CDI })).toEqual([]);
    expect(checkHireContract(ContractType.POEI, { type: HireContractType.CDD })).toEqual([
      { path: 'hireContract.durationMonths', message: expect.any(String) },
    ]);
    expect(checkHireContract(ContractType.POEI, { type: HireContractType.CDD, durationMonths: 12 })).toEqual([]);
    expect(checkHireContract(ContractType.APPRENTICESHIP, { type: HireContractType.CDI })).toHaveLength(1);
    expect(checkHireContract(ContractType.POEC, null)).toEqual([]);
  });

  it('refuses a salary range upside down', () => {
    expect(checkSalary(1800, 1200)).toHaveLength(1);
    expect(checkSalary(1200, 1800)).toEqual([]);
    expect(checkSalary(null, 1800)).toEqual([]);
  });

  it('moves offers only along the status graph', () => {
    expect(canMove(OfferStatus.DRAFT, OfferStatus.PUBLISHED)).toBe(true);
    expect(canMove(OfferStatus.CLOSED, OfferStatus.PUBLISHED)).toBe(false);
    expect(canMove(OfferStatus.PUBLISHED, OfferStatus.DRAFT)).toBe(false);
    expect(allowedMoves(OfferStatus.CLOSED)).toEqual([]);
    expect(isEditable(OfferStatus.CLOSED)).toBe(false);
    expect(isEditable(OfferStatus.PUBLISHED)).toBe(true);
  });

  it('expires 60 days after publishing by default, or after the configured number of days', () => {
    expect(defaultExpiry(new Date('2026-12-31T10:00:00Z')).toISOString()).toBe('2027-03-01T10:00:00.000Z');
    expect(defaultExpiry(new Date('2026-01-15T00:00:00Z')).toISOString()).toBe('2026-03-16T00:00:00.000Z');
    expect(defaultExpiry(new Date('2026-11-23T09:00:00Z'), 7).toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });
});
