import { WordFolder, labelTerms, parseSuggestionQuery, suggestionWords } from './suggestion-text';

describe('suggestion words', () => {
  it('folds accents, case and ligatures, and splits on hyphens, apostrophes, slashes and brackets', () => {
    expect(suggestionWords('Saint-Étienne')).toEqual(['saint', 'etienne']);
    expect(suggestionWords('L’Haÿ-les-Roses')).toEqual(['l', 'hay', 'les', 'roses']);
    expect(suggestionWords("Chef d'ŒUVRE / Cheffe (BTP)")).toEqual(['chef', 'd', 'oeuvre', 'cheffe', 'btp']);
    expect(suggestionWords('  ')).toEqual([]);
  });

  it('folds text typed in decomposed form like the same text composed', () => {
    expect(suggestionWords('Be\u0301ziers')).toEqual(suggestionWords('Béziers'));
  });

  it('folds the same with and without the memory of words already folded', () => {
    const folder = new WordFolder();
    for (const text of ['Développeur / Développeuse web', 'Œnologue', 'L’Isle-sur-la-Sorgue', 'Développeur ½ temps', 'Be\u0301ziers']) {
      expect(folder.words(text)).toEqual(suggestionWords(text));
      expect(folder.words(text)).toEqual(suggestionWords(text));
    }
  });
});

describe('parseSuggestionQuery', () => {
  it('treats the last word as still being typed unless the text ends with a separator', () => {
    expect(parseSuggestionQuery('dev web')).toEqual({ words: ['dev', 'web'], lastIsPrefix: true });
    expect(parseSuggestionQuery('lyon ')).toEqual({ words: ['lyon'], lastIsPrefix: false });
    expect(parseSuggestionQuery("l'")).toEqual({ words: ['l'], lastIsPrefix: false });
    expect(parseSuggestionQuery('saint-')).toEqual({ words: ['saint'], lastIsPrefix: false });
    expect(parseSuggestionQuery('bezie\u0301').lastIsPrefix).toBe(true);
  });
});

describe('labelTerms', () => {
  it('also indexes an elided letter joined to the next word, as a term and as a start', () => {
    const terms = labelTerms("L'Isle-Adam");
    expect(terms.words).toEqual(['l', 'isle', 'adam']);
    expect(terms.terms).toEqual(expect.arrayContaining(['l', 'isle', 'adam', 'lisle']));
    expect(terms.lead).toEqual(['l', 'lisle']);
    expect(labelTerms('Saint-Antoine-sur-l’Isle').lead).toEqual(['saint']);
  });

  it('adds the aliases of words, and extra terms that are neither words nor starts', () => {
    const terms = labelTerms('St Etienne', new Map([['st', 'saint']]), ['42000']);
    expect(terms.words).toEqual(['st', 'etienne']);
    expect(terms.lead).toEqual(['st', 'saint']);
    expect(terms.terms.sort()).toEqual(['42000', 'etienne', 'saint', 'st']);
    expect(labelTerms('Rue St', new Map([['st', 'saint']])).lead).toEqual(['rue']);
  });
});
