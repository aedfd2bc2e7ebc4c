import { edgeFailure, failureBody } from './request-bodies';

describe('edgeFailure (errors raised before GraphQL)', () => {
  const limit = 1_048_576;

  it('names the limit for an oversized body, with 413', () => {
    expect(edgeFailure({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }, limit)).toEqual({
      status: 413,
      message: 'The request body is larger than 1048576 bytes.',
      code: 'BAD_REQUEST',
      reason: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('tells malformed JSON from an empty body', () => {
    expect(edgeFailure({ code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }, limit)).toMatchObject({ status: 400, reason: 'MALFORMED_JSON' });
    expect(edgeFailure({ code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 }, limit)).toMatchObject({ status: 400, reason: 'EMPTY_BODY' });
  });

  it('keeps other client errors as they are, and hides anything else behind a generic 500', () => {
    expect(edgeFailure({ code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH', statusCode: 400 }, limit)).toMatchObject({ status: 400, code: 'BAD_REQUEST', reason: 'UNREADABLE_BODY' });
    const internal = edgeFailure({ message: 'ENOENT /srv/secret/path' }, limit);
    expect(internal).toEqual({ status: 500, message: 'Internal server error.', code: 'INTERNAL_SERVER_ERROR' });
  });

  it('answers in the GraphQL error shape', () => {
    expect(failureBody({ status: 404, message: 'Not found.', code: 'NOT_FOUND' })).toEqual({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
  });
});
