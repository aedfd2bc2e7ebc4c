import { assertTestDatabase, testPostgresUrl } from './scratch';

describe('test database guard', () => {
  it('refuses to wipe a database whose name does not say test', () => {
    expect(() => assertTestDatabase('postgres://app@db:5432/alternance')).toThrow(/Refusing to wipe database "alternance"/);
    expect(() => assertTestDatabase('postgres://postgres@127.0.0.1:5432/test')).not.toThrow();
    expect(() => assertTestDatabase('postgres://postgres@127.0.0.1:5432/alternance_test')).not.toThrow();
  });

  it('defaults to the local test database', () => {
    expect(testPostgresUrl({})).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(testPostgresUrl({ TEST_DATABASE_URL: 'postgres://x@y/z_test' })).toBe('postgres://x@y/z_test');
  });
});
