import { certificationFromKitRow, isPoeEligible, parseFrenchDate, parseLevel, pathShapeForLevel } from './program';

describe('certification rows', () => {
  it('reads a kit apprentissage row as published', () => {
    const row = {
      'Code Diplôme': '01022103',
      'Intitulé diplôme (DEPP)': 'EMPLOYE TRAITEUR (MC NIVEAU III)',
      FicheRNCP: 'RNCP37566',
      'Niveau fiche RNCP': 'Niveau 3',
      "Accès à l'apprentissage de la fiche RNCP (oui/non)": 'Oui',
      "Date d'échéance de la fiche RNCP": '31/08/2026',
      'Fiche ACTIVE/INACTIVE': 'ACTIVE',
      'Intitulé certification (RNCP)': 'CS - Employé traiteur',
      'Nouvelle Certification rempla (RNCP)': '',
    };
    expect(certificationFromKitRow(row)).toEqual({
      diplomaCode: '01022103',
      title: 'CS - Employé traiteur',
      rncpCode: 'RNCP37566',
      level: 3,
      openToApprenticeship: true,
      active: true,
      expiresOn: '2026-08-31',
      replacedBy: null,
    });
  });

  it('parses levels and dates defensively', () => {
    expect(parseLevel('Niveau 7')).toBe(7);
    expect(parseLevel('Sans niveau')).toBeNull();
    expect(parseFrenchDate('')).toBeNull();
  });

  it('derives path length within 6 to 18 months', () => {
    for (const level of [null, 3, 4, 5, 6, 7, 8]) {
      const shape = pathShapeForLevel(level);
      expect(shape.durationMonths).toBeGreaterThanOrEqual(6);
      expect(shape.durationMonths).toBeLessThanOrEqual(18);
      expect([1, 2]).toContain(shape.trainingDaysPerWeek);
    }
    expect(pathShapeForLevel(3).trainingHours).toBe(181);
    expect(isPoeEligible(pathShapeForLevel(3).trainingHours)).toBe(true);
    expect(isPoeEligible(pathShapeForLevel(7).trainingHours)).toBe(false);
  });
});
