import { SuggestionKind } from '@alternance/programs/domain';
import { TaxonomySuggestionRows } from '@alternance/taxonomy/data-access';
import { CatalogueSuggestions } from './catalogue-suggestions';
import { ProgramCatalogue } from './program-catalogue';
import { ProgramSnapshot } from './program-snapshot';
import { testProgram } from './test-programs';

const TAXONOMY: TaxonomySuggestionRows = {
  jobTitles: [{ code: '11573', label: 'Boulanger / Boulangère', romeCode: 'D1102' }],
  occupations: [],
  skills: [],
  communes: [{ inseeCode: '69383', name: 'Lyon 03', postcode: '69003', lat: 45.75, lng: 4.87 }],
};

/** A catalogue serving `current`, and a taxonomy read that counts its calls (and fails while `failing`). */
function setUp() {
  const state = { current: new ProgramSnapshot([testProgram(1, 'CAP Boulanger')]), failing: false, reads: 0 };
  const catalogue = { snapshot: async () => state.current } as unknown as ProgramCatalogue;
  const readTaxonomy = async () => {
    state.reads++;
    if (state.failing) throw new Error('database unreachable');
    return TAXONOMY;
  };
  return { state, suggestions: new CatalogueSuggestions(readTaxonomy, catalogue) };
}

const labels = async (suggestions: CatalogueSuggestions, text: string, kinds?: SuggestionKind[]) => (await suggestions.suggest(text, { kinds, first: 8 })).map((s) => s.label);

describe('CatalogueSuggestions', () => {
  it('builds the index once per catalogue snapshot, shared by concurrent requests', async () => {
    const { state, suggestions } = setUp();
    const [one, two] = await Promise.all([suggestions.current(), suggestions.current()]);
    expect(one).toBe(two);
    expect(await labels(suggestions, 'boulang')).toEqual(['Boulanger / Boulangère', 'CAP Boulanger']);
    expect(await labels(suggestions, 'lyon', [SuggestionKind.COMMUNE])).toEqual(['Lyon 03 (69003)']);
    expect(state.reads).toBe(1);
  });

  it('rebuilds it when the catalogue serves another snapshot', async () => {
    const { state, suggestions } = setUp();
    const before = await suggestions.current();
    state.current = new ProgramSnapshot([testProgram(1, 'BP Boulanger'), testProgram(2, 'CAP Pâtissier')]);
    expect(await suggestions.current()).not.toBe(before);
    expect(await labels(suggestions, 'boulang', [SuggestionKind.PROGRAM])).toEqual(['BP Boulanger']);
    expect(await labels(suggestions, 'patis')).toEqual(['CAP Pâtissier']);
    expect(state.reads).toBe(2);
  });

  it('tries again on the next request after a failed build', async () => {
    const { state, suggestions } = setUp();
    state.failing = true;
    await expect(suggestions.suggest('boulang', { first: 8 })).rejects.toThrow('database unreachable');
    state.failing = false;
    expect(await labels(suggestions, 'boulang', [SuggestionKind.JOB_TITLE])).toEqual(['Boulanger / Boulangère']);
  });
});
