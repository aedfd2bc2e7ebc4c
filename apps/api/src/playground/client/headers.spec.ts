import { scrubStoredValue, withToken, withoutToken } from './headers';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';

describe('the token in the Headers pane', () => {
  it('is added to empty headers, and to headers someone wrote, replacing any Authorization', () => {
    expect(JSON.parse(withToken('', TOKEN))).toEqual({ Authorization: `Bearer ${TOKEN}` });
    expect(JSON.parse(withToken('{"X-Trace": "1", "authorization": "Bearer old"}', TOKEN))).toEqual({ 'X-Trace': '1', Authorization: `Bearer ${TOKEN}` });
  });

  it('replaces text that is not a JSON object', () => {
    expect(JSON.parse(withToken('{ oops', TOKEN))).toEqual({ Authorization: `Bearer ${TOKEN}` });
    expect(JSON.parse(withToken('[1]', TOKEN))).toEqual({ Authorization: `Bearer ${TOKEN}` });
  });

  it('is taken out on sign-out, keeping the other headers and an Authorization pasted by hand', () => {
    expect(withoutToken(withToken('{"X-Trace": "1"}', TOKEN), TOKEN)).toBe(JSON.stringify({ 'X-Trace': '1' }, null, 2));
    expect(withoutToken(withToken('', TOKEN), TOKEN)).toBe('{}');
    expect(withoutToken('{"Authorization": "Bearer other"}', TOKEN)).toBe('{"Authorization": "Bearer other"}');
    expect(withoutToken(`not json ${TOKEN}`, TOKEN)).toBe('not json ');
  });

  it('leaves no trace in what GraphiQL stored (tabs, history)', () => {
    const history = JSON.stringify({ queries: [{ query: '{ me { id } }', headers: withToken('{"X-Trace": "1"}', TOKEN) }, { query: '{ __typename }', headers: '{}' }] });
    const scrubbed = scrubStoredValue(history, TOKEN);
    expect(scrubbed).not.toContain(TOKEN);
    expect(JSON.parse(JSON.parse(scrubbed).queries[0].headers)).toEqual({ 'X-Trace': '1' });
    expect(JSON.parse(scrubbed).queries[1]).toEqual({ query: '{ __typename }', headers: '{}' });
    expect(scrubStoredValue(`plain ${TOKEN} text`, TOKEN)).toBe('plain  text');
    expect(scrubStoredValue('{"a": 1}', TOKEN)).toBe('{"a": 1}');
  });
});
