import { GraphQLError, buildSchema, parse, specifiedRules, validate } from 'graphql';
import { ErrorCode } from '@alternance/platform/domain';
import { EdgeRefusal, refusalOf } from './edge-refusal';
import { graphqlLimits, stripSuggestions } from './graphql-limits';

const schema = buildSchema(`
  type Query { me: User, users(first: Int): [User!]! }
  type User { id: ID!, name: String, friends: [User!]! }
`);
const limits = graphqlLimits({ maxDepth: 5, maxAliases: 3, maxDirectives: 4, maxTokens: 200, maxCost: 300 });

function refusals(source: string) {
  const errors = validate(schema, parse(source, limits.parseOptions), [...specifiedRules, ...limits.validationRules]);
  return errors.map((e) => {
    expect(e).toBeInstanceOf(EdgeRefusal);
    const refusal = e as EdgeRefusal;
    return { code: refusal.code, limit: refusal.details.limit };
  });
}

const nest = (levels: number, leaf = 'id') => Array.from({ length: levels }).reduce<string>((inner) => `friends { ${inner} }`, leaf);

describe('graphqlLimits', () => {
  it('accepts a document within every limit', () => {
    expect(refusals(`{ me { id name friends { id friends { name } } } a: me { id } }`)).toEqual([]);
  });

  it('refuses depth, also when hidden in fragments', () => {
    expect(refusals(`{ me { ${nest(3)} } }`)).toEqual([]);
    expect(refusals(`{ me { ${nest(6)} } }`)).toEqual([{ code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'DEPTH' }]);
    const hidden = `{ me { ...A } } fragment A on User { friends { ...B } } fragment B on User { friends { ...C } } fragment C on User { friends { friends { friends { id } } } }`;
    expect(refusals(hidden)).toContainEqual({ code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'DEPTH' });
  });

  it('does not count fragments as depth of their own', () => {
    expect(refusals(`{ me { ...A } } fragment A on User { ...B } fragment B on User { ...C } fragment C on User { ... on User { id } }`)).toEqual([]);
  });

  it('refuses too many aliases, directives, and too high a cost', () => {
    expect(refusals(`{ a: me { id } b: me { id } c: me { id } d: me { id } }`)).toEqual([{ code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'ALIASES' }]);
    expect(refusals(`{ me { id @skip(if: false) name @skip(if: false) friends @include(if: true) { id @include(if: true) name @include(if: true) } } }`)).toEqual([{
      code: ErrorCode.QUERY_TOO_COMPLEX,
      limit: 'DIRECTIVES',
    }]);
    expect(refusals(`{ users(first: 100) { id name friends { id } } }`)).toEqual([{ code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'COST' }]);
    expect(refusals(`{ users(first: 5) { id name friends { id } } }`)).toEqual([]);
  });

  it('stops parsing at the token limit, which the error formatter reports as QUERY_TOO_COMPLEX', () => {
    let error: GraphQLError | undefined;
    try {
      parse(`{ me { ${'id '.repeat(500)} } }`, limits.parseOptions);
    } catch (e) {
      error = e as GraphQLError;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    const refusal = refusalOf({ message: error!.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, error);
    expect(refusal).toEqual({ code: ErrorCode.QUERY_TOO_COMPLEX, message: 'Token limit of 200 exceeded.', details: { limit: 'TOKENS' } });
  });

  it('finds a refusal wrapped the way Apollo wraps validation errors', () => {
    const refusal = new EdgeRefusal(ErrorCode.QUERY_TOO_COMPLEX, 'Too deep.', { limit: 'DEPTH' });
    const wrapped = new GraphQLError(refusal.message, { originalError: refusal, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(refusalOf({ message: wrapped.message, extensions: wrapped.extensions }, wrapped)).toBe(refusal);
    expect(refusalOf({ message: 'Cannot query field "x".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError('x'))).toBeUndefined();
  });
});

describe('stripSuggestions', () => {
  it.each([
    ['Cannot query field "mee" on type "Query". Did you mean "me"?', 'Cannot query field "mee" on type "Query".'],
    ['Unknown argument "frist" on field "Query.users". Did you mean "first"?', 'Unknown argument "frist" on field "Query.users".'],
    ['Value "APPRENTICESHI" does not exist in "ContractType" enum. Did you mean the enum value "APPRENTICESHIP"?', 'Value "APPRENTICESHI" does not exist in "ContractType" enum.'],
    ['Field "titel" is not defined by type "CreateOfferInput". Did you mean "title"?', 'Field "titel" is not defined by type "CreateOfferInput".'],
  ])('%s', (message, expected) => {
    expect(stripSuggestions(message)).toBe(expected);
  });
});

describe('EdgeRefusal', () => {
  it('carries its code and details but no stack frames, and leaves the stack limit as it was', () => {
    const before = Error.stackTraceLimit;
    const refusal = new EdgeRefusal(ErrorCode.RATE_LIMITED, 'Too many attempts.', { retryAfterSeconds: 30 }, { status: 429, headers: [['retry-after', '30']] });
    expect(Error.stackTraceLimit).toBe(before);
    expect(refusal.stack).toBe('EdgeRefusal: Too many attempts.');
    expect({ code: refusal.code, details: refusal.details, extensions: refusal.extensions.code }).toEqual({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 30 }, extensions: 'RATE_LIMITED' });
    // Other errors keep their frames.
    expect(new GraphQLError('boom').stack).toMatch(/\n\s+at /);
  });
});
