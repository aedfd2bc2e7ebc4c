import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv, ROME_CODE } from '@alternance/taxonomy/domain';
import { certificationFromKitRow } from './program';
import {
  buildRomeMatcher,
  isDerivedForm,
  normalizeWord,
  RomeLabel,
  RomeMatcher,
  significantWords,
  withoutFeminineRepeat,
} from './rome-matching';

const DATA_DIR = path.resolve(__dirname, '../../../..', process.env.CATALOGUE_DIR || '../shared/data');

function csv(file: string): Record<string, string>[] {
  return [...parseCsv(readFileSync(path.join(DATA_DIR, file), 'utf8'))];
}

describe('title words', () => {
  it('gives one spelling to plural and feminine forms', () => {
    expect(normalizeWord('cuisiniere')).toBe('cuisinier');
    expect(normalizeWord('conductrice')).toBe('conducteur');
    expect(normalizeWord('vendeuse')).toBe('vendeur');
    expect(normalizeWord('employee')).toBe('employe');
    expect(normalizeWord('reseaux')).toBe('reseau');
    expect(normalizeWord('sociaux')).toBe('social');
    expect(normalizeWord('sportive')).toBe('sportif');
    expect(normalizeWord('mecanique')).toBe('mecanic');
    // short words are not plurals
    expect(normalizeWord('bus')).toBe('bus');
  });

  it('keeps the words that say what the job is', () => {
    expect(significantWords('TP - Titre professionnel Développeur web et web mobile')).toEqual(['developpeur', 'web', 'mobile']);
    expect(significantWords('MASTER - MASTER Comptabilité - contrôle - audit (fiche nationale)')).toEqual([
      'comptabilite',
      'controle',
      'audit',
    ]);
    expect(significantWords('CAP - Cuisinière')).toEqual(['cuisinier']);
    expect(significantWords('Assistant / Assistante RH')).toEqual(['assistant', 'rh']);
  });

  it('reads a two-gender ROME label once', () => {
    expect(withoutFeminineRepeat('Chef / Cheffe de cuisine')).toBe('Chef de cuisine');
    expect(withoutFeminineRepeat("Conducteur / Conductrice d'engins agricoles")).toBe("Conducteur d'engins agricoles");
    expect(withoutFeminineRepeat('Chef coiffeur / Cheffe coiffeuse spectacle')).toBe('Chef coiffeur spectacle');
    expect(withoutFeminineRepeat('Comptable')).toBe('Comptable');
  });

  it('tells derived forms from different words', () => {
    expect(isDerivedForm('comptabilite', 'comptable')).toBe(true);
    expect(isDerivedForm('boulangerie', 'boulanger')).toBe(true);
    expect(isDerivedForm('cuisine', 'cuisinier')).toBe(true);
    expect(isDerivedForm('electricite', 'electronic')).toBe(false);
    expect(isDerivedForm('traiteur', 'traitement')).toBe(false);
    expect(isDerivedForm('web', 'web')).toBe(false);
  });
});

describe('RomeMatcher on a small referential', () => {
  const labels: RomeLabel[] = [
    { romeCode: 'M1855', label: 'Développeur / Développeuse web' },
    { romeCode: 'M1805', label: 'Développeur / Développeuse informatique' },
    { romeCode: 'G1609', label: 'Cuisinier / Cuisinière' },
    { romeCode: 'G1606', label: 'Cuisinier / Cuisinière de collectivité' },
    { romeCode: 'M1203', label: 'Comptable' },
    { romeCode: 'H1210', label: 'Technicien / Technicienne R&D' },
    { romeCode: 'I1309', label: 'Technicien / Technicienne de maintenance' },
    { romeCode: 'I1310', label: 'Technicien / Technicienne en mécanique' },
    { romeCode: 'F1602', label: 'Electricien / Electricienne du bâtiment' },
  ];
  const matcher = buildRomeMatcher(labels);

  it('ranks the job title the certification covers completely first', () => {
    expect(matcher.romeCodesFor('Développeur web')).toEqual(['M1855']);
    expect(matcher.romeCodesFor('CAP Cuisinier')[0]).toBe('G1609');
    expect(matcher.romeCodesFor('Cuisinier en restauration collective')[0]).toBe('G1606');
  });

  it('matches derived forms at a lower score than the word itself', () => {
    const derived = matcher.match('BTS Comptabilité');
    const exact = matcher.match('Comptable');
    expect(derived.map((m) => m.code)).toEqual(['M1203']);
    expect(exact[0].score).toBe(1);
    expect(derived[0].score).toBeLessThan(exact[0].score);
  });

  it('does not match on words no job title has', () => {
    expect(matcher.romeCodesFor('Programme Grande École de Management')).toEqual([]);
    expect(matcher.romeCodesFor('')).toEqual([]);
  });

  it('is repeatable: scratch state does not leak from one title to the next', () => {
    const first = matcher.match('Développeur web');
    matcher.match('Cuisinier de collectivité');
    matcher.match('Electricien');
    expect(matcher.match('Développeur web')).toEqual(first);
  });

  it('honours the options', () => {
    expect(matcher.romeCodesFor('Développeur web', { minScore: 0, minRatioToBest: 0 })).toEqual(['M1855', 'M1805']);
    expect(matcher.romeCodesFor('Développeur web', { minScore: 0, minRatioToBest: 0, maxCodes: 1 })).toEqual(['M1855']);
  });
});

describe('RomeMatcher on ROME 4.0 and the kit apprentissage', () => {
  let matcher: RomeMatcher;
  let titles: string[];
  beforeAll(() => {
    const occupations = csv('rome/referentiel_code_rome.csv');
    const jobTitles = csv('rome/referentiel_appellation.csv');
    matcher = buildRomeMatcher([
      ...jobTitles.map((j) => ({ romeCode: j.code_rome, label: j.libelle_appellation_long })),
      ...occupations.map((o) => ({ romeCode: o.code_rome, label: o.libelle_rome })),
    ]);
    const certifications = csv('certifications/kit_apprentissage_2025-01-31.csv')
      .map(certificationFromKitRow)
      .filter((c) => c.active && c.openToApprenticeship);
    titles = [...new Set(certifications.map((c) => c.title))];
  });

  it.each([
    ['Développeur web', 'M1855'], // Développeur / Développeuse web
    ['TP - TP Développeur web et web mobile', 'M1855'],
    ['Concepteur développeur web full stack', 'M1855'],
    ['Cuisinier', 'G1609'], // Cuisinier / Cuisinière
    ['TP - TP Cuisinier en restauration collective', 'G1606'], // Cuisinier / Cuisinière de collectivité
    ['TP - TP Commis de cuisine', 'G1602'], // Commis / Commise de cuisine
    ['Comptable', 'M1203'], // Comptable
    ['Gestionnaire comptable et financier', 'M1203'],
    ['TP - TP Secrétaire comptable', 'M1608'], // Secrétaire comptable
    ['CAP - Boulanger', 'D1102'], // Boulanger / Boulangère
    ['BP - Coiffure', 'D1202'], // Coiffeur / Coiffeuse, through the derived form
    ['Vendeur automobile', 'D1404'],
    ['TP - TP Electricien d\u2019équipement du bâtiment', 'F1602'], // Electricien / Electricienne du bâtiment
    ['Conseiller en gestion de patrimoine', 'C1205'],
  ])('%s → %s first', (title, code) => {
    expect(matcher.romeCodesFor(title)[0]).toBe(code);
  });

  it('keeps related occupations as runners-up', () => {
    expect(matcher.romeCodesFor('BTS - Comptabilité et Gestion')).toContain('M1203');
    expect(matcher.romeCodesFor('TP - TP Comptable assistant')).toEqual(expect.arrayContaining(['M1213', 'M1203']));
  });

  it('does not take a job title reduced to a common word for a match', () => {
    // "Technicien / Technicienne R&D" (H1210) is just "technicien" once R&D is dropped
    const codes = matcher.romeCodesFor('CS - Technicien en énergies renouvelables');
    expect(codes).not.toContain('H1210');
    expect(codes).toContain('H2701'); // Technicien / Technicienne énergie
  });

  it('says nothing rather than guess from school names and diploma words', () => {
    expect(matcher.romeCodesFor('DipViGrM - DipViGrM Programme Grande Ecole d\u2019Audencia')).toEqual([]);
  });

  it('matches the whole kit quickly, with at most three valid codes each', () => {
    const started = performance.now();
    const results = titles.map((t) => matcher.romeCodesFor(t));
    const elapsed = performance.now() - started;
    expect(titles.length).toBeGreaterThan(2500);
    expect(results.every((codes) => codes.length <= 3 && codes.every((c) => ROME_CODE.test(c)))).toBe(true);
    // most certifications name a job the ROME knows
    expect(results.filter((codes) => codes.length > 0).length / titles.length).toBeGreaterThan(0.65);
    // measured around 150-400 ms; the bound leaves room for slow CI machines
    expect(elapsed).toBeLessThan(2000);
  });
});
