import { GraphQLError } from 'graphql';
import { ConflictException, ErrorCode, InvalidInputException } from '@alternance/platform/domain';
import { EdgeRefusal } from '../security/edge-refusal';
import { formatGraphqlError } from './format-error';

const formatted = (message: string, code?: string) => ({ message, path: ['x'], extensions: code ? { code, stacktrace: ['at secret.ts:1'] } : {} });

describe('formatGraphqlError', () => {
  it('turns a domain exception into its stable code, reason and fields', () => {
    const error = new GraphQLError('wrapped', { path: ['x'], originalError: InvalidInputException.field('location.lat', 'must be a latitude') });
    expect(formatGraphqlError(formatted('wrapped'), error)).toEqual({
      message: 'Invalid input. location.lat: must be a latitude',
      path: ['x'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'location.lat', fields: [{ path: 'location.lat', message: 'must be a latitude' }] },
    });
    const conflict = new GraphQLError('wrapped', { path: ['x'], originalError: new ConflictException('taken', 'EMAIL_TAKEN') });
    expect(formatGraphqlError(formatted('wrapped'), conflict).extensions).toEqual({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
  });

  it('hides unexpected errors and stack traces', () => {
    const error = new GraphQLError('relation "users" does not exist', { path: ['x'], originalError: new Error('relation "users" does not exist') });
    const out = formatGraphqlError(formatted('relation "users" does not exist', 'INTERNAL_SERVER_ERROR'), error);
    expect(out).toEqual({ message: 'Internal server error.', path: ['x'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('names the field of a variable that failed coercion', () => {
    const message = 'Variable "$input" got invalid value { title: 1 } at "input.location"; Field "lat" of required type "Float!" was not provided.';
    expect(formatGraphqlError(formatted(message, 'BAD_USER_INPUT'), new GraphQLError(message)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'location.lat' });
    const top = 'Variable "$input" got invalid value {}; Field "title" of required type "String!" was not provided.';
    expect(formatGraphqlError(formatted(top, 'BAD_USER_INPUT'), new GraphQLError(top)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
  });

  it('keeps the code and safe details of a refusal at the edge, however Apollo wrapped it', () => {
    const refusal = new EdgeRefusal(ErrorCode.RATE_LIMITED, 'Too many requests: try again in 12 s.', { retryAfterSeconds: 12 }, { status: 429 });
    const wrapped = new GraphQLError(refusal.message, { originalError: refusal, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatGraphqlError({ message: refusal.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', retryAfterSeconds: 12 } }, wrapped)).toEqual({
      message: 'Too many requests: try again in 12 s.',
      locations: undefined,
      path: undefined,
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 12 },
    });
    const tokens = 'Syntax Error: Document contains more that 5000 tokens. Parsing aborted.';
    expect(formatGraphqlError(formatted(tokens, 'GRAPHQL_PARSE_FAILED'), new GraphQLError(tokens)).extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'TOKENS' });
  });
});
