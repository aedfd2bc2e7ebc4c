import path from 'node:path';
import { parseCsv, SkillKind } from '@alternance/taxonomy/domain';
import {
  communeFromRow,
  communesFromRows,
  coreSkillKeys,
  jobTitleFromRow,
  mobilitiesFromRows,
  occupationFromRow,
  occupationSkillsFromLinks,
  readTaxonomyFiles,
  skillFromCompetenceRow,
  skillFromKnowledgeRow,
  skillKindFromCategory,
  TaxonomyData,
} from './taxonomy-import';

const DATA_DIR = path.resolve(__dirname, '../../../..', process.env.CATALOGUE_DIR || '../shared/data');

/** Rows of a CSV excerpt, header included, exactly as the published file writes them. */
function rows(csv: string, separator = ','): Record<string, string>[] {
  return [...parseCsv(csv, separator)];
}

describe('ROME rows → taxonomy data', () => {
  it('maps occupations, and reads a self-parent as no parent', () => {
    const [a1101, a1102] = rows(
      `"code_rome","code_fiche_metier","code_ogr","libelle_rome","transition_eco","transition_num","transition_demo","emploi_reglemente","emploi_cadre","code_rome_parent"
"A1101","11","6","Conducteur / Conductrice d'engins agricoles","Emploi Blanc","","","","","A1101"
"A1102","30047","403950","Conducteur / Conductrice d'engins d'exploitation forestière","Emploi stratégique pour la Transition écologique","","","","","A1101"
`,
    );
    expect(occupationFromRow(a1101)).toEqual({
      code: 'A1101',
      label: "Conducteur / Conductrice d'engins agricoles",
      searchLabel: "conducteur / conductrice d'engins agricoles",
      parentCode: null,
    });
    expect(occupationFromRow(a1102)?.parentCode).toBe('A1101');
    expect(occupationFromRow(a1102)?.searchLabel).toBe("conducteur / conductrice d'engins d'exploitation forestiere");
    expect(occupationFromRow({ code_rome: 'XX', libelle_rome: 'Nope' })).toBeNull();
  });

  it('maps job titles with their long label', () => {
    const [row] = rows(
      `"code_ogr","libelle_appellation_long","libelle_appellation_court","code_rome","transition_eco","transition_num","transition_demo","emploi_reglemente","emploi_cadre","classification","origine","code_rome_parent","peu_usite"
"10201","Accastilleur-gréeur / Accastilleuse-gréeuse","Accastilleur-gréeur / Accastilleuse-gréeuse","I1601","Emploi Blanc","","","","","SYNONYME","","I1601","N"
`,
    );
    expect(jobTitleFromRow(row)).toEqual({
      code: '10201',
      label: 'Accastilleur-gréeur / Accastilleuse-gréeuse',
      searchLabel: 'accastilleur-greeur / accastilleuse-greeuse',
      romeCode: 'I1601',
    });
  });

  it('reads the skill kind from cat_comp as published', () => {
    expect(skillKindFromCategory('Savoir-faire')).toBe(SkillKind.KNOW_HOW);
    expect(skillKindFromCategory('Savoir-être professionnel')).toBe(SkillKind.SOFT_SKILL);
    expect(skillKindFromCategory('')).toBeNull();
    expect(skillKindFromCategory('Contexte de travail')).toBeNull();
  });

  it('maps know-how, soft skills (macro-competences included) and knowledge', () => {
    const competences = rows(
      `"code_ogr","nature","libelle_competence","definition","code_ogr_macro_comp","code_macro_comp","cat_comp","sous_cat_comp","transition_eco","transition_num","libelle_heterogeneite","libelle_origine"
"100023","Compétence","Abattre un arbre","","300230","","Savoir-faire","Technique","","N","",""
"300412","Macro-compétence","Etre à l'écoute, faire preuve d'empathie","Capacité à écouter activement, réceptionner des informations et messages, faire preuve d'ouverture d'esprit et de diplomatie.","","6D101","Savoir-être professionnel","Transverse","","","Très homogène",""
`,
    );
    expect(competences.map(skillFromCompetenceRow)).toEqual([
      { code: '100023', label: 'Abattre un arbre', searchLabel: 'abattre un arbre', kind: SkillKind.KNOW_HOW, category: 'Technique' },
      {
        code: '300412',
        label: "Etre à l'écoute, faire preuve d'empathie",
        searchLabel: "etre a l'ecoute, faire preuve d'empathie",
        kind: SkillKind.SOFT_SKILL,
        category: 'Transverse',
      },
    ]);
    const [knowledge] = rows(
      `"code_ogr_savoir","libelle_savoir","categorie_savoir","sous_categorie_savoir","transition_eco","transition_num"
"100003","Fonctionnement des engins agricoles","Produits, outils et matières","Outils, machines, équipement matériel","","N"
`,
    );
    expect(skillFromKnowledgeRow(knowledge)).toEqual({
      code: '100003',
      label: 'Fonctionnement des engins agricoles',
      searchLabel: 'fonctionnement des engins agricoles',
      kind: SkillKind.KNOWLEDGE,
      category: 'Produits, outils et matières',
    });
  });

  it('keeps only the links to known skills, once, flagged core from coherence_item', () => {
    // A1101's sheet: its own item (bloc 1), a job title (bloc 2), skills (bloc 5), a work context (bloc 6)
    const links = rows(
      `"code_rome","code_compo_bloc","code_rubrique","code_ogr"
"A1101","1","","6"
"A1101","2","","11987"
"A1101","5","1","104016"
"A1101","5","3","100003"
"A1101","5","3","100057"
"A1101","6","","23376"
"A1101","5","3","100003"
"Z9999","5","1","104016"
`,
    );
    const core = coreSkillKeys(
      rows(
        `"code_rome","code_ogr","coeur_metier"
"A1101","23376",""
"A1101","100003","Principale"
"A1101","100057","Émergente"
"A1101","104016",""
`,
      ),
    );
    const skills = new Set(['104016', '100003', '100057']);
    expect(occupationSkillsFromLinks(links, core, skills, new Set(['A1101']))).toEqual([
      { romeCode: 'A1101', skillCode: '104016', block: 5, core: false },
      { romeCode: 'A1101', skillCode: '100003', block: 5, core: true },
      { romeCode: 'A1101', skillCode: '100057', block: 5, core: true },
    ]);
  });

  it('keeps mobilities between known occupations, once, at their closest rank', () => {
    const mobility = rows(
      `"code_rome","code_rome_cible","numero_ordre"
"A1101","A1102","6"
"A1101","A1201","5"
"A1101","A1102","2"
"A1101","Z9999","1"
"A1101","A1101","3"
"A1101","A1201","x"
`,
    );
    expect(mobilitiesFromRows(mobility, new Set(['A1101', 'A1102', 'A1201']))).toEqual([
      { romeCode: 'A1101', targetCode: 'A1102', rank: 2 },
      { romeCode: 'A1101', targetCode: 'A1201', rank: 5 },
    ]);
  });
});

describe('La Poste rows → communes', () => {
  const excerpt = `Code_commune_INSEE;Nom_commune;Code_postal;Libelle_acheminement;Ligne_5;coordonnees_gps\r
91471;ORSAY;91400;ORSAY;;48.7004093953, 2.18737051177\r
91471;ORSAY;91400;ORSAY;ORSIGNY;48.7004093953, 2.18737051177\r
97701;ST BARTHELEMY;97133;ST BARTHELEMY;;\r
2A004;AJACCIO;20000;AJACCIO;;41.9347926638, 8.70132275974\r
`;

  it('maps a row with a display name and coordinates', () => {
    const [orsay, , stBarth, ajaccio] = rows(excerpt, ';');
    expect(communeFromRow(orsay)).toEqual({ inseeCode: '91471', name: 'Orsay', postcode: '91400', lat: 48.7004093953, lng: 2.18737051177 });
    expect(communeFromRow(stBarth)).toEqual({ inseeCode: '97701', name: 'St Barthelemy', postcode: '97133', lat: null, lng: null });
    expect(communeFromRow(ajaccio)?.inseeCode).toBe('2A004');
    expect(communeFromRow({ Code_commune_INSEE: '', Nom_commune: 'X', Code_postal: '1' })).toBeNull();
  });

  it('keeps one row per commune and postcode, whatever the delivery locality', () => {
    expect(communesFromRows(rows(excerpt, ';')).map((c) => `${c.inseeCode} ${c.postcode}`)).toEqual([
      '91471 91400',
      '97701 97133',
      '2A004 20000',
    ]);
  });

  it('takes coordinates from a later row when the first has none', () => {
    const communes = communesFromRows(
      rows('Code_commune_INSEE;Nom_commune;Code_postal;Libelle_acheminement;Ligne_5;coordonnees_gps\n01001;A;01400;A;;\n01001;A;01400;A;B;46.1, 4.9\n', ';'),
    );
    expect(communes).toEqual([{ inseeCode: '01001', name: 'A', postcode: '01400', lat: 46.1, lng: 4.9 }]);
  });
});

describe('the published files', () => {
  let data: TaxonomyData;
  beforeAll(async () => {
    data = await readTaxonomyFiles(DATA_DIR);
  });

  it('loads every table from ROME v60 and La Poste', () => {
    expect(Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length]))).toEqual({
      occupations: 1584,
      jobTitles: 13120,
      // 18,317 know-how and soft-skill items (507 of them macro-competences) + 15,354 knowledge items
      skills: 33671,
      // links to skills only: the rest are the sheet's own item, job titles and work contexts
      occupationSkills: 90556,
      occupationMobilities: 14912,
      // 39,200 rows, one per delivery locality
      communes: 36370,
    });
  });

  it('has the three kinds, with the 16 soft skills of ROME 4.0', () => {
    const kinds = new Map<SkillKind, number>();
    for (const s of data.skills) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ KNOW_HOW: 18301, SOFT_SKILL: 16, KNOWLEDGE: 15354 });
  });

  it('links only known codes, each pair once, and flags core skills', () => {
    const occupations = new Set(data.occupations.map((o) => o.code));
    const skills = new Set(data.skills.map((s) => s.code));
    const pairs = new Set(data.occupationSkills.map((l) => `${l.romeCode}|${l.skillCode}`));
    expect(pairs.size).toBe(data.occupationSkills.length);
    expect(data.occupationSkills.every((l) => occupations.has(l.romeCode) && skills.has(l.skillCode))).toBe(true);
    // "Principale" (18,900) and "Émergente" (1,731) both mark core items
    expect(data.occupationSkills.filter((l) => l.core)).toHaveLength(20631);
    expect(data.occupationMobilities.every((m) => occupations.has(m.romeCode) && occupations.has(m.targetCode))).toBe(true);
  });

  it('finds the web developer occupation with its job titles', () => {
    expect(data.occupations.find((o) => o.code === 'M1855')).toMatchObject({ label: 'Développeur / Développeuse web', parentCode: 'M1805' });
    expect(data.jobTitles.filter((j) => j.romeCode === 'M1855').length).toBeGreaterThan(5);
    expect(data.occupationSkills.filter((l) => l.romeCode === 'M1855' && l.core).length).toBeGreaterThan(0);
  });

  it('keeps the communes without coordinates, with null coordinates', () => {
    const withoutGps = data.communes.filter((c) => c.lat === null);
    expect(withoutGps.length).toBeGreaterThan(0);
    expect(withoutGps.every((c) => c.lng === null)).toBe(true);
    expect(data.communes.find((c) => c.inseeCode === '75056' || c.postcode === '75001')).toBeDefined();
  });
});
