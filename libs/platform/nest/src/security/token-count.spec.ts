import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError, Lexer, Source, TokenKind, getIntrospectionQuery, getLocation, parse } from 'graphql';
import { locationOf, tokenOverLimit } from './token-count';

/** Where each token starts, as graphql-js's own lexer reads the document. */
function lexerStarts(document: string): number[] {
  const lexer = new Lexer(new Source(document));
  const starts: number[] = [];
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) starts.push(token.start);
  return starts;
}

/** The error graphql-js's parser gives with `maxTokens`, or undefined when it parses. */
function parserRefusal(document: string, maxTokens: number): GraphQLError | undefined {
  try {
    parse(document, { maxTokens });
    return undefined;
  } catch (error) {
    return error as GraphQLError;
  }
}

const schemaFile = readFileSync(path.resolve(__dirname, '../../../../../schema.gql'), 'utf8');

/** Documents the parser reads in full: the product's schema (descriptions in block strings) and operations with every kind of token. */
const documents: Record<string, string> = {
  'the schema (SDL)': schemaFile,
  'the playground introspection query': getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }),
  'variables, defaults, lists and directives': `query Search($q: String = "data", $first: Int! = 20, $near: [Float!] = [48.85, 2.35]) { searchOffers(input: { query: $q, first: $first }) @include(if: true) { totalCount } }`,
  'fragments and inline fragments': `{ offer(id: "1") { ...F ... on Offer { id } } } fragment F on Offer { title organization { name } }`,
  'string escapes': String.raw`{ a(s: "quote \" backslash \\ slash \/ \b\f\n\r\t é \u00e9 \u{1F600} 😀") b(s: "") c(s: "\\") }`,
  'block strings': '{ a(s: """line one\r\n  \\""" still inside "" "\n\tend""") b(s: """""") }',
  'comments, commas and a byte order mark': '\uFEFF# a comment with "quotes" and { braces\r\n{ a, b,, c # trailing 😀\r d }\n# last',
  numbers: '{ a(n: -0, m: 0, f: 1.5e10, g: 0.1E-3, h: -12, i: 3e+2, j: 7E-0) }',
  'names with underscores and digits': '{ _a1: __typename b_2: c__3 }',
  'every punctuator': 'query ($v: [Int!]! = [1]) @d { ... on Q { a(x: $v) } } type T implements A & B union U = | A | B',
  'mixed line endings': '{\r\n  a\n  b\r  c\r\n\r\n  d\n}',
};

describe('tokenOverLimit', () => {
  it.each(Object.entries(documents))('counts %s as graphql-js does', (_name, document) => {
    const starts = lexerStarts(document);
    expect(starts.length).toBeGreaterThan(3);
    expect(tokenOverLimit(document, starts.length)).toBeUndefined();
    expect(tokenOverLimit(document, starts.length + 10)).toBeUndefined();
    for (const max of new Set([0, 1, 2, starts.length >> 1, starts.length - 1])) {
      expect({ max, at: tokenOverLimit(document, max) }).toEqual({ max, at: starts[max] });
    }
  });

  it.each(Object.entries(documents))('points at the token the parser stops at in %s', (_name, document) => {
    const max = lexerStarts(document).length - 1;
    const refusal = parserRefusal(document, max);
    expect(refusal?.message).toMatch(/more tha[nt] \d+ tokens/);
    expect([locationOf(document, tokenOverLimit(document, max)!)]).toEqual(refusal!.locations);
    expect(parserRefusal(document, max + 1)).toBeUndefined();
  });

  it('counts a document far over the limit only up to the limit', () => {
    const document = `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: programs(first: 1) { totalCount }`).join(' ')} }`;
    const at = tokenOverLimit(document, 5_000)!;
    expect(at).toBe(lexerStarts(document)[5_000]);
    expect([locationOf(document, at)]).toEqual(parserRefusal(document, 5_000)!.locations);
  });

  it.each([
    ['a stray character', '{ a ^ b c d e f }', 2],
    ['an unterminated string', '{ a(s: "no end) b c d e f }', 5],
    ['a string across lines', '{ a(s: "one\ntwo") b c d e f }', 5],
    ['an unterminated block string', '{ a(s: """no end) b c d e f }', 5],
    ['a zero-led number', '{ a(n: 00) b c d e f }', 5],
    ['a number without digits after its dot', '{ a(n: 1.) b c d e f }', 5],
    ['a number without an exponent', '{ a(n: 1e) b c d e f }', 5],
    ['a number run into a name', '{ a(n: 1x) b c d e f }', 5],
    ['two dots', '{ .. b c d e f }', 1],
  ])('leaves %s to the parser when it comes before the limit', (_name, document, max) => {
    expect(tokenOverLimit(document, max)).toBeUndefined();
    const refusal = parserRefusal(document, max);
    expect(refusal?.message).toMatch(/^Syntax Error/);
    expect(refusal?.message).not.toMatch(/tokens/);
  });

  it('still refuses a document whose lexical error lies beyond the limit, as the parser does', () => {
    const document = '{ a b c d e f ^ }';
    expect(tokenOverLimit(document, 3)).toBe(lexerStarts('{ a b c d')[3]);
    expect(parserRefusal(document, 3)?.message).toMatch(/tokens/);
  });
});

describe('locationOf', () => {
  it('places every offset as graphql-js does over the whole text, whatever the line endings', () => {
    const document = documents['mixed line endings'] + documents['comments, commas and a byte order mark'] + documents['block strings'];
    const source = new Source(document);
    for (let offset = 0; offset <= document.length; offset++) {
      // An offset between \r and \n is not a place a token can start.
      if (document[offset] === '\n' && document[offset - 1] === '\r') continue;
      expect({ offset, ...locationOf(document, offset) }).toEqual({ offset, ...getLocation(source, offset) });
    }
  });
});
