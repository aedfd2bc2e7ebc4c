import { parseCsv } from './csv';
import { communeDisplayName, parseGpsPair } from './taxonomy';
import { foldText } from './text';

describe('parseCsv', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    const text = '"code","label"\r\n"A1","Conducteur, ""engins""\nagricoles"\r\n"B2",""\n';
    expect([...parseCsv(text)]).toEqual([
      { code: 'A1', label: 'Conducteur, "engins"\nagricoles' },
      { code: 'B2', label: '' },
    ]);
  });

  it('reads semicolon files with a byte-order mark and missing trailing fields', () => {
    const text = '\ufeffCode_commune_INSEE;Nom_commune;coordonnees_gps\n90078;PETITEFONTAINE;47.72, 7.00\n01001;L ABERGEMENT';
    expect([...parseCsv(text, ';')]).toEqual([
      { Code_commune_INSEE: '90078', Nom_commune: 'PETITEFONTAINE', coordonnees_gps: '47.72, 7.00' },
      { Code_commune_INSEE: '01001', Nom_commune: 'L ABERGEMENT', coordonnees_gps: '' },
    ]);
  });
});

describe('taxonomy text', () => {
  it('parses La Poste coordinates and rejects empty or impossible ones', () => {
    expect(parseGpsPair('47.7237763721, 7.00757336099')).toEqual({ lat: 47.7237763721, lng: 7.00757336099 });
    expect(parseGpsPair('')).toBeNull();
    expect(parseGpsPair('200, 7')).toBeNull();
  });

  it('folds accents and case', () => {
    expect(foldText('Développeur Web ÉLÉGANT')).toBe('developpeur web elegant');
  });

  it('title-cases commune names', () => {
    expect(communeDisplayName("ROUGEMONT LE CHATEAU")).toBe('Rougemont Le Chateau');
    expect(communeDisplayName("L'HAY-LES-ROSES")).toBe("L'Hay-Les-Roses");
  });
});
