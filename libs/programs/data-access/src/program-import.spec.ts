import path from 'node:path';
import { certificationFromKitRow, CertificationRow, buildRomeMatcher } from '@alternance/programs/domain';
import { MacroCompetence, readMacroCompetences, readTaxonomyFiles, TaxonomyData } from '@alternance/taxonomy/data-access';
import { parseCsv, SkillKind } from '@alternance/taxonomy/domain';
import {
  buildCompetencyBlocks,
  newestKitFile,
  OccupationSkillRef,
  programFromCertification,
  readCertifications,
  selectCertifications,
} from './program-import';

const DATA_DIR = path.resolve(__dirname, '../../../..', process.env.CATALOGUE_DIR || '../shared/data');

// Lines of kit_apprentissage_2025-01-31.csv as published
const KIT_EXCERPT = `Code Diplôme,Intitulé diplôme (DEPP),FicheRNCP,Niveau fiche RNCP,Abrégé de diplôme (RNCP),Dernière MaJ,Accès à l'apprentissage de la fiche RNCP (oui/non),Date d'échéance de la fiche RNCP,Fiche ACTIVE/INACTIVE,Intitulé certification (RNCP),Type d'enregistrement,"Date de publication de la fiche  (enregistrement de droit)","Date de décision  (enregistrement sur demande)","Date de début des parcours certifiants  (enregistrement de droit)",Date limite de la délivrance,Nouvelle Certification rempla (RNCP),Ancienne Certification (RNCP)
01022001,AGENT DE CONTROLE NON DESTRUCTIF (MC NIVEAU IV),RNCP955,Niveau 4,CS,v1.3,Oui,01/01/2025,INACTIVE,CS - Agent de contrôle non destructif,Enregistrement de droit,,,,,RNCP39682,
01022103,EMPLOYE TRAITEUR (MC NIVEAU III),RNCP37566,Niveau 3,CS,v1.0,Oui,31/08/2026,ACTIVE,CS - Employé traiteur,Enregistrement de droit,,,01/09/2021,,,RNCP958
13511711,SCIENCES DE L'UNIVERS ET TECHNOLOGIES SPATIALES (MASTER),RNCP26305,Niveau 7,MASTER,v1.9,Non,31/08/2021,INACTIVE,MASTER - Mention « Sciences de l’Univers et Technologies Spatiales »,Enregistrement de droit,,,,,,
56122103,EMPLOYE TRAITEUR (CS3),RNCP37566,Niveau 3,CS,CI-01122023,Oui,31/08/2026,ACTIVE,CS - Employé traiteur,Enregistrement de droit,,,01/09/2021,,,RNCP958
13512006,"SCIENCES DES ORGANISATIONS (DROIT, ECONOMIE, GESTION, SCIENCES SOCIALES) : ACTIONS PUBLIQUES ET REGULATIONS SOCIALES (MASTER DAUPHINE)",NR,NR,NR,v1.0,NR,NR,NR,NR,NR,NR,NR,NR,NR,NR,NR
`;

function kitRows(): CertificationRow[] {
  return [...parseCsv(KIT_EXCERPT)].map(certificationFromKitRow);
}

describe('certifications → programs', () => {
  it('picks the newest kit release in the folder', () => {
    expect(newestKitFile(['README.md', 'kit_apprentissage_2025-01-31.csv', 'kit_apprentissage_2025-07-15.csv', 'kit.xlsx'])).toBe(
      'kit_apprentissage_2025-07-15.csv',
    );
    expect(newestKitFile(['kit_apprentissage_2025-01-31.csv'])).toBe('kit_apprentissage_2025-01-31.csv');
    expect(newestKitFile(['other.csv'])).toBeNull();
  });

  it('keeps active certifications open to apprenticeship, once per RNCP record', () => {
    const selected = selectCertifications(kitRows());
    expect(selected.map((c) => [c.rncpCode, c.diplomaCode])).toEqual([['RNCP37566', '01022103']]);
  });

  it('shapes a program from a certification, its ROME codes and blocks', () => {
    const [traiteur] = selectCertifications(kitRows());
    const blocks = [{ code: 'RNCP37566-B1', title: 'Préparer des produits', skillCodes: ['1'] }];
    expect(programFromCertification(traiteur, ['G1606', 'D1103'], blocks, 'the-id')).toEqual({
      id: 'the-id',
      code: 'RNCP37566',
      title: 'CS - Employé traiteur',
      searchTitle: 'cs - employe traiteur',
      country: 'FR',
      rncpCode: 'RNCP37566',
      level: 3,
      romeCodes: ['G1606', 'D1103'],
      romeCodesKey: '|G1606|D1103|',
      durationMonths: 6,
      trainingDaysPerWeek: 1,
      trainingHours: 181,
      poeEligible: true,
      openToApprenticeship: true,
      competencyBlocks: blocks,
    });
    const generated = programFromCertification(traiteur, [], []);
    expect(generated.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.romeCodesKey).toBe('||');
  });
});

describe('competency blocks', () => {
  const macro = (code: string, label: string): MacroCompetence => ({ code, label });
  const cook = macro('M1', 'Cuisiner');
  const serve = macro('M2', 'Servir');
  const clean = macro('M3', 'Nettoyer');
  const macroOf = new Map<string, MacroCompetence>([
    ['s1', cook],
    ['s2', cook],
    ['s3', cook],
    ['s4', serve],
    ['s5', serve],
    ['s6', clean],
  ]);
  const skill = (skillCode: string, label: string, core = false): OccupationSkillRef => ({ skillCode, label, core });

  it('groups by macro-competence, core groups and core skills first', () => {
    const blocks = buildCompetencyBlocks('RNCP1', [
      skill('s1', 'Cuire', false),
      skill('s2', 'Assaisonner', false),
      skill('s3', 'Dresser', true),
      skill('s4', 'Accueillir', true),
      skill('s5', 'Encaisser', true),
      skill('s6', 'Laver', false),
      skill('s7', 'Sans macro', true),
    ], macroOf);
    expect(blocks).toEqual([
      { code: 'RNCP1-B1', title: 'Servir', skillCodes: ['s4', 's5'] },
      { code: 'RNCP1-B2', title: 'Cuisiner', skillCodes: ['s3', 's2', 's1'] },
      { code: 'RNCP1-B3', title: 'Nettoyer', skillCodes: ['s6'] },
    ]);
  });

  it('caps the number of blocks and of skills per block', () => {
    const many = new Map<string, MacroCompetence>();
    const skills: OccupationSkillRef[] = [];
    for (let m = 0; m < 9; m++) {
      for (let s = 0; s < 12; s++) {
        many.set(`m${m}s${s}`, macro(`m${m}`, `Macro ${m}`));
        skills.push(skill(`m${m}s${s}`, `Skill ${s}`));
      }
    }
    const blocks = buildCompetencyBlocks('RNCP2', skills, many);
    expect(blocks).toHaveLength(6);
    expect(blocks.every((b) => b.skillCodes.length === 8)).toBe(true);
    expect(blocks.map((b) => b.code)).toEqual(['RNCP2-B1', 'RNCP2-B2', 'RNCP2-B3', 'RNCP2-B4', 'RNCP2-B5', 'RNCP2-B6']);
  });

  it('gives nothing for an occupation without known skills', () => {
    expect(buildCompetencyBlocks('RNCP3', [], macroOf)).toEqual([]);
  });
});

describe('the published kit and referential', () => {
  let certifications: CertificationRow[];
  let file: string;
  let taxonomy: TaxonomyData;
  let macroOf: Map<string, MacroCompetence>;
  beforeAll(async () => {
    ({ file, certifications } = await readCertifications(DATA_DIR));
    taxonomy = await readTaxonomyFiles(DATA_DIR);
    macroOf = await readMacroCompetences(path.join(DATA_DIR, 'rome'));
  });

  it('reads 2,816 certifications from the newest kit, each code once', () => {
    expect(file).toBe('kit_apprentissage_2025-01-31.csv');
    expect(certifications).toHaveLength(2816);
    expect(new Set(certifications.map((c) => c.rncpCode)).size).toBe(2816);
    expect(certifications.every((c) => c.active && c.openToApprenticeship && c.rncpCode && c.level)).toBe(true);
  });

  it('builds the web developer blocks from the know-how of M1855', () => {
    const skills = new Map(taxonomy.skills.map((s) => [s.code, s]));
    const knowHow = taxonomy.occupationSkills
      .filter((l) => l.romeCode === 'M1855' && skills.get(l.skillCode)?.kind === SkillKind.KNOW_HOW)
      .map((l) => ({ skillCode: l.skillCode, label: skills.get(l.skillCode)!.label, core: l.core }));
    const cert = certifications.find((c) => c.rncpCode === 'RNCP35959')!; // "Développeur web"
    const matcher = buildRomeMatcher([
      ...taxonomy.jobTitles.map((j) => ({ romeCode: j.romeCode, label: j.label })),
      ...taxonomy.occupations.map((o) => ({ romeCode: o.code, label: o.label })),
    ]);
    const romeCodes = matcher.romeCodesFor(cert.title);
    expect(romeCodes[0]).toBe('M1855');

    const blocks = buildCompetencyBlocks(cert.rncpCode!, knowHow, macroOf);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.length).toBeLessThanOrEqual(6);
    expect(blocks[0]).toMatchObject({
      code: 'RNCP35959-B1',
      title: "Développer un logiciel, un système d'informations, une application",
    });
    // every block skill is a know-how of the occupation, under the block's macro-competence
    const ofOccupation = new Set(knowHow.map((s) => s.skillCode));
    for (const block of blocks) {
      expect(block.skillCodes.length).toBeGreaterThan(0);
      expect(block.skillCodes.length).toBeLessThanOrEqual(8);
      for (const code of block.skillCodes) {
        expect(ofOccupation.has(code)).toBe(true);
        expect(macroOf.get(code)?.label).toBe(block.title);
      }
    }
    // core skills lead their block
    const core = new Set(knowHow.filter((s) => s.core).map((s) => s.skillCode));
    expect(core.has(blocks[0].skillCodes[0])).toBe(true);
  });
});
