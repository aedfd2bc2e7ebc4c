import { SkillKind, parseSuggestionQuery } from '@alternance/taxonomy/domain';
import { SuggestionCatalogueRows, SuggestionKind, buildCatalogueSuggestionIndex } from './catalogue-suggestions';

const ROWS: SuggestionCatalogueRows = {
  jobTitles: [
    { code: '11573', label: 'Boulanger / Boulangère', romeCode: 'D1102' },
    { code: '12006', label: 'Chef boulanger / Cheffe boulangère', romeCode: 'D1108' },
  ],
  occupations: [{ code: 'D1102', label: 'Boulanger / Boulangère' }],
  skills: [{ code: '100080', label: 'Techniques de boulangerie', kind: SkillKind.KNOWLEDGE }],
  communes: [
    { inseeCode: '42218', name: 'St Etienne', postcode: '42000', lat: 45.43, lng: 4.39 },
    { inseeCode: '42218', name: 'St Etienne', postcode: '42100', lat: 45.43, lng: 4.38 },
    { inseeCode: '31555', name: 'Toulouse', postcode: '31500', lat: 43.6, lng: 1.43 },
    { inseeCode: '31555', name: 'Toulouse', postcode: '31000', lat: 43.6, lng: 1.44 },
    { inseeCode: '05179', name: 'Tourniol', postcode: '05170', lat: null, lng: null },
    { inseeCode: '57655', name: 'Boulange', postcode: '57655', lat: 49.38, lng: 5.95 },
  ],
  programs: [{ id: '00000000-0000-4000-8000-000000000001', title: 'CAP Boulanger', level: 3, rncpCode: 'RNCP37551' }],
};

const index = buildCatalogueSuggestionIndex(ROWS);
const suggest = (text: string, kinds?: SuggestionKind[], first = 8) => index.suggest(parseSuggestionQuery(text), { kinds, first }).map((h) => h.item);

describe('catalogue suggestions', () => {
  it('gives each kind its fields, and null for the fields of the others', () => {
    // the best of each kind
    const byKind = new Map(suggest('boulang', undefined, 20).reverse().map((s) => [s.kind, s]));
    expect(byKind.get(SuggestionKind.JOB_TITLE)).toEqual({
      kind: 'JOB_TITLE', label: 'Boulanger / Boulangère', value: '11573', romeCode: 'D1102',
      skillKind: null, name: null, postcode: null, inseeCode: null, lat: null, lng: null, level: null, rncpCode: null,
    });
    expect(byKind.get(SuggestionKind.OCCUPATION)).toMatchObject({ label: 'Boulanger / Boulangère', value: 'D1102', romeCode: 'D1102', postcode: null });
    expect(byKind.get(SuggestionKind.SKILL)).toMatchObject({ value: '100080', skillKind: 'KNOWLEDGE', romeCode: null });
    expect(byKind.get(SuggestionKind.COMMUNE)).toMatchObject({ label: 'Boulange (57655)', value: '57655', name: 'Boulange', postcode: '57655', inseeCode: '57655', lat: 49.38 });
    expect(byKind.get(SuggestionKind.PROGRAM)).toMatchObject({ label: 'CAP Boulanger', value: '00000000-0000-4000-8000-000000000001', level: 3, rncpCode: 'RNCP37551', romeCode: null });
  });

  it('labels communes with their postcode, one per postcode, and finds La Poste’s "St" as Saint', () => {
    expect(suggest('saint-étienne', [SuggestionKind.COMMUNE]).map((s) => s.label)).toEqual(['St Etienne (42000)', 'St Etienne (42100)']);
    expect(suggest('42100', [SuggestionKind.COMMUNE]).map((s) => s.label)).toEqual(['St Etienne (42100)']);
  });

  it('puts communes with more postcodes first among names of one length', () => {
    expect(suggest('tou', [SuggestionKind.COMMUNE]).map((s) => s.label)).toEqual(['Toulouse (31000)', 'Toulouse (31500)', 'Tourniol (05170)']);
  });

  it('finds occupations by ROME code and training paths by RNCP record', () => {
    expect(suggest('d1102').map((s) => [s.kind, s.value])).toEqual([['OCCUPATION', 'D1102']]);
    expect(suggest('rncp3755').map((s) => s.label)).toEqual(['CAP Boulanger']);
  });
});
