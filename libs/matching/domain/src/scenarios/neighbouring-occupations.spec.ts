import { MATCH_WEIGHTS, neighbourPercent, score } from '../index';
import { TODAY, aCandidate, anOffer, aReference } from '../testing/match-factories';

/**
 * Occupation fit: wanting the offer's ROME occupation is worth all the points; a neighbouring
 * occupation in the ROME mobility table (rubrique_mobilite) is worth less the further down its
 * published order, never below a floor; anything else nothing. The fixture links M1805 to M1802
 * (order 1), M1810 (3) and E1206 (10), and E1210 to M1805 (order 1).
 */
describe('neighbouring occupations', () => {
  const reference = aReference();
  const occupation = (desiredRomeCodes: string[], romeCode = 'M1805') =>
    score(aCandidate({ desiredRomeCodes }), anOffer({ romeCode }), reference, TODAY).reasons.find((r) => r.code === 'OCCUPATION_FIT');

  it('gives the full points for the wished occupation', () => {
    expect(occupation(['M1805'])?.contribution).toBe(MATCH_WEIGHTS.points.occupation);
  });

  it('grades neighbours by their order', () => {
    // 24 %, 20 % and the 8 % floor of the occupation's 51 points.
    expect(occupation(['M1802'])?.contribution).toBe(12.24);
    expect(occupation(['M1810'])?.contribution).toBe(10.2);
    expect(occupation(['E1206'])?.contribution).toBe(4.08);
    expect(occupation(['M1802'])?.label).toBe('Wants a neighbouring occupation: ROME M1802 is close to M1805');
  });

  it('reads a link published from the other occupation too', () => {
    expect(occupation(['E1210'])?.contribution).toBe(12.24);
    expect(occupation(['M1805'], 'E1210')?.contribution).toBe(12.24);
  });

  it('takes the best of several wishes', () => {
    expect(occupation(['E1206', 'M1810'])?.contribution).toBe(10.2);
    expect(occupation(['K2111', 'M1805'])?.contribution).toBe(51);
  });

  it('gives nothing for an unrelated occupation or no wish', () => {
    expect(occupation(['G1602'])?.contribution).toBe(0);
    expect(occupation([])?.contribution).toBe(0);
  });

  it('never lets a neighbour fall below the floor', () => {
    expect(neighbourPercent(1)).toBe(24);
    expect(neighbourPercent(8)).toBe(10);
    expect(neighbourPercent(9)).toBe(8);
    expect(neighbourPercent(21)).toBe(8);
  });
});
