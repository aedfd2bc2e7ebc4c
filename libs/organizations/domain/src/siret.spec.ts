import { Country } from './organization';
import { checkRegistration } from './organization';
import { isValidSiret, luhnValid, siretWithCheckDigit } from './siret';

describe('SIRET', () => {
  it('accepts real SIRETs with a valid Luhn key', () => {
    // Published establishments: INSEE's own head office and Google France.
    expect(isValidSiret('12000101100010')).toBe(true);
    expect(isValidSiret('443 061 841 00047')).toBe(true);
  });

  it('refuses a wrong key, wrong length and non-digits', () => {
    expect(isValidSiret('12000101100011')).toBe(false);
    expect(isValidSiret('1200010110001')).toBe(false);
    expect(isValidSiret('1200010110001A')).toBe(false);
    expect(isValidSiret('')).toBe(false);
  });

  it("applies La Poste's digit-sum rule to its establishments", () => {
    expect(isValidSiret('35600000049837')).toBe(true); // digits sum to 45
    expect(isValidSiret('35600000049838')).toBe(false);
  });

  it('builds a valid SIRET from 13 digits', () => {
    const siret = siretWithCheckDigit('4430618410004');
    expect(siret).toBe('44306184100047');
    expect(luhnValid(siret)).toBe(true);
  });

  it('requires a SIRET in France only', () => {
    expect(checkRegistration(Country.FR, undefined)).toEqual([{ path: 'siret', message: expect.stringContaining('required') }]);
    expect(checkRegistration(Country.FR, '12000101100010')).toEqual([]);
    expect(checkRegistration(Country.UK, undefined)).toEqual([]);
    expect(checkRegistration(Country.US, '12000101100010')).toHaveLength(1);
  });
});
