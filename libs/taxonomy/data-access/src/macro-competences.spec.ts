import path from 'node:path';
import { parseCsv } from '@alternance/taxonomy/domain';
import { macroCompetencesFromRows, readMacroCompetences } from './macro-competences';

const ROME_DIR = path.resolve(__dirname, '../../../..', process.env.CATALOGUE_DIR || '../shared/data', 'rome');

describe('macro-competences', () => {
  const competences = [
    ...parseCsv(`"code_ogr","nature","libelle_competence","definition","code_ogr_macro_comp","code_macro_comp","cat_comp","sous_cat_comp","transition_eco","transition_num","libelle_heterogeneite","libelle_origine"
"100023","Compétence","Abattre un arbre","","300230","","Savoir-faire","Technique","","N","",""
"100063","Compétence","Tailler les arbres","","300230","","Savoir-faire","Technique","N","N","",""
"300230","Macro-compétence","Découper, tailler des matières premières","","","3B216","Savoir-faire","Technique","","","Homogène",""
"104292","Macro-compétence","Effectuer le suivi des réservations","","","4A101","Savoir-faire","Technique","","","Homogène",""
"999999","Compétence","Sans macro connue","","888888","","Savoir-faire","Technique","","","",""
`),
  ];
  const items = [
    ...parseCsv(`"code_ogr","libelle","code_rubrique"
"100023","Abattre un arbre","1"
"300230","Découper, tailler des matières premières","1"
`),
  ];

  it('maps items to their macro-competence, labelled from item.csv', () => {
    const macros = macroCompetencesFromRows(competences, items);
    const cut = { code: '300230', label: 'Découper, tailler des matières premières' };
    expect(macros.get('100023')).toEqual(cut);
    expect(macros.get('100063')).toEqual(cut);
    // a macro-competence linked to an occupation is its own group
    expect(macros.get('300230')).toEqual(cut);
  });

  it("falls back to the macro-competence's own row for its label, and skips unlabelled parents", () => {
    const macros = macroCompetencesFromRows(competences, items);
    expect(macros.get('104292')).toEqual({ code: '104292', label: 'Effectuer le suivi des réservations' });
    expect(macros.has('999999')).toBe(false);
  });

  it('covers every know-how and soft-skill item of the published referential', async () => {
    const macros = await readMacroCompetences(ROME_DIR);
    expect(macros.size).toBe(18317);
    expect(new Set([...macros.values()].map((m) => m.code)).size).toBe(507);
    expect(macros.get('100023')?.label).toBe('Découper, tailler des matières premières');
  });
});
