import { GraphQLError } from 'graphql';
import { ConflictException, InvalidInputException } from '@alternance/platform/domain';
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
});
