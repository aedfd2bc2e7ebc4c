import { Tokenizer } from './tokenizer';

describe('Tokenizer', () => {
  const plain = new Tokenizer();

  it('folds accents and case', () => {
    expect(plain.tokens('Développeur Web ÉLÉGANT')).toEqual(['developpeur', 'web', 'elegant']);
  });

  it('folds text typed with combining accents like precomposed text', () => {
    expect(plain.tokens('De\u0301veloppeur')).toEqual(plain.tokens('Développeur'));
  });

  it("splits on apostrophes and drops the elided single letter (d'étude → etude)", () => {
    expect(plain.tokens("Bureau d'étude, l'équipe")).toEqual(['bureau', 'etude', 'equipe']);
    expect(plain.tokens('Bureau d’étude')).toEqual(['bureau', 'etude']);
  });

  it('splits on punctuation and drops single letters but keeps single digits', () => {
    expect(plain.tokens('Vendeur (H/F) - Bac+2, niveau 5 · CI/CD k8s')).toEqual(['vendeur', 'bac', '2', 'niveau', '5', 'ci', 'cd', 'k8s']);
    expect(plain.tokens('apprenti·e ingénieur·e')).toEqual(['apprenti', 'ingenieur']);
  });

  it('writes ligatures out so "œuvre" and "oeuvre" are the same word', () => {
    expect(plain.tokens('Gros œuvre, Cæsar')).toEqual(['gros', 'oeuvre', 'caesar']);
  });

  it('removes stop words after folding, and splits stop words like text', () => {
    const tokenizer = new Tokenizer(['Alternance', 'de', 'h/f', 'à']);
    expect(tokenizer.tokens('Développeur de logiciels en ALTERNANCE (h/f) à Lyon')).toEqual(['developpeur', 'logiciels', 'en', 'lyon']);
  });

  it('gives word offsets in the original text for highlighting', () => {
    const text = "Chargé(e) d'étude";
    const spans = plain.spans(text).map((s) => [text.slice(s.start, s.end), s.tokens]);
    expect(spans).toEqual([
      ['Chargé', ['charge']],
      ['e', []],
      ['d', []],
      ['étude', ['etude']],
    ]);
  });
});
