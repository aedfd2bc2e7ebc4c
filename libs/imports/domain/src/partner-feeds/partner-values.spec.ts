import {
  cleanLine,
  coordinatesOrNull,
  dayOrNull,
  departmentCodeOrNull,
  durationMonthsOrNull,
  emailOrNull,
  httpUrlOrNull,
  inseeCodeOrNull,
  instantOrNull,
  postcodeOrNull,
  romeCodeOrNull,
  siretOrNull,
  sirenOrNull,
} from './partner-values';

describe('partner values', () => {
  it('keeps only valid SIRETs and SIRENs', () => {
    expect(siretOrNull('81272495300029')).toBe('81272495300029');
    expect(siretOrNull('443 061 841 00047')).toBe('44306184100047');
    expect(siretOrNull('81272495300028')).toBeNull();
    expect(siretOrNull('8127249530002')).toBeNull();
    expect(siretOrNull('35600000049837')).toBe('35600000049837'); // La Poste: digits sum to a multiple of 5
    expect(siretOrNull(null)).toBeNull();
    expect(sirenOrNull('421106709')).toBe('421106709');
    expect(sirenOrNull('421106708')).toBeNull();
  });

  it('reads postcodes, INSEE codes, departments and ROME codes', () => {
    expect([postcodeOrNull('94300'), postcodeOrNull('8000'), postcodeOrNull('FR-75'), postcodeOrNull(null)]).toEqual(['94300', '08000', null, null]);
    expect([inseeCodeOrNull('76540'), inseeCodeOrNull('2a004'), inseeCodeOrNull('7654')]).toEqual(['76540', '2A004', null]);
    expect(['Var (83)', '6', '75', '2A', '971', 'Seine et Marne (77)', '20', '99', 'Nord'].map(departmentCodeOrNull)).toEqual(['83', '06', '75', '2A', '971', '77', null, null, null]);
    expect([romeCodeOrNull('m1805'), romeCodeOrNull('M18055'), romeCodeOrNull('')]).toEqual(['M1805', null, null]);
  });

  it('reads coordinates in range only', () => {
    expect(coordinatesOrNull('48.85', '2,35')).toEqual({ lat: 48.85, lng: 2.35 });
    expect(coordinatesOrNull('95', '2')).toBeNull();
    expect(coordinatesOrNull('0', '0')).toBeNull();
    expect(coordinatesOrNull('48.8', null)).toBeNull();
  });

  it('reads days as published', () => {
    expect(['2025-09-01', '01/09/2025', '20260101', '2025-09-15T00:00:00+02:00', 'Wed, 26 Feb 2025 16:40:27 +0100', '31/02/2025', 'soon', ''].map(dayOrNull)).toEqual([
      '2025-09-01',
      '2025-09-01',
      '2026-01-01',
      '2025-09-15',
      '2025-02-26',
      null,
      null,
      null,
    ]);
  });

  it('reads instants in every feed form, French local time when no zone is given', () => {
    expect(instantOrNull('2025-02-25T02:46:50.131Z')).toBe('2025-02-25T02:46:50.131Z');
    expect(instantOrNull('2025-02-26T16:40:27+0100')).toBe('2025-02-26T15:40:27.000Z');
    expect(instantOrNull('2025-11-24T10:18:17+00:00')).toBe('2025-11-24T10:18:17.000Z');
    expect(instantOrNull('2025-02-27 14:31:25 UTC')).toBe('2025-02-27T14:31:25.000Z');
    expect(instantOrNull('2024-01-30 23:21:39')).toBe('2024-01-30T22:21:39.000Z'); // winter: UTC+1
    expect(instantOrNull('2025-09-09 00:00:00')).toBe('2025-09-08T22:00:00.000Z'); // summer: UTC+2
    expect(instantOrNull('11/12/2025 10:41:41')).toBe('2025-12-11T09:41:41.000Z');
    expect(instantOrNull('22-05-2025 00:11:19')).toBe('2025-05-21T22:11:19.000Z');
    expect(instantOrNull('2025-10-03T09:19:58.77')).toBe('2025-10-03T07:19:58.770Z');
    expect(instantOrNull('20260201')).toBe('2026-01-31T23:00:00.000Z');
    expect(instantOrNull('Wed, 26 Feb 2025 16:40:27 +0100')).toBe('2025-02-26T15:40:27.000Z');
    expect(instantOrNull('not a date')).toBeNull();
  });

  it('reads contract lengths in months', () => {
    expect(durationMonthsOrNull('24')).toBe(24);
    expect(durationMonthsOrNull(12)).toBe(12);
    expect(durationMonthsOrNull('12_mois')).toBe(12);
    expect(durationMonthsOrNull('2 ans')).toBe(24);
    expect(durationMonthsOrNull('Entre 24 et 36 mois')).toBe(36);
    expect(durationMonthsOrNull('Entre 12 et 0 mois')).toBe(12);
    expect(durationMonthsOrNull('2', 'year')).toBe(24);
    expect(durationMonthsOrNull('12 month', 'month')).toBe(12);
    expect(durationMonthsOrNull('500')).toBeNull();
    expect(durationMonthsOrNull('')).toBeNull();
  });

  it('reads apply targets', () => {
    expect(httpUrlOrNull(' https://ex.fr/o?a=1 ')).toBe('https://ex.fr/o?a=1');
    expect([httpUrlOrNull('javascript:alert(1)'), httpUrlOrNull('/offre/1'), httpUrlOrNull('https://')]).toEqual([null, null, null]);
    expect(emailOrNull('mailto:rh@ex.fr')).toBe('rh@ex.fr');
    expect([emailOrNull('mail@mail.fr - 04.66'), emailOrNull('nobody')]).toEqual([null, null]);
  });

  it('cleans one-line texts', () => {
    expect(cleanLine('  Centre national du cinéma et de l&#039;image animée ')).toBe("Centre national du cinéma et de l'image animée");
    expect(cleanLine('?????ALTERNANCE - Équipier')).toBe('ALTERNANCE - Équipier');
    expect(cleanLine('R&D <b>x</b>\n y')).toBe('R&D <b>x</b> y');
    expect(cleanLine('   ')).toBeNull();
  });
});
