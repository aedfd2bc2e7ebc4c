import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const base = { NODE_ENV: 'test' };

  it('defaults to the embedded mode: a SQLite file in the data folder', () => {
    const config = loadConfig(base);
    expect(config.database).toEqual({ driver: 'sqlite', file: expect.stringMatching(/data[/\\]alternance\.sqlite$/) });
    expect(config.port).toBe(3000);
    expect(config.playground).toBe(true);
  });

  it('uses the embedded search engine unless MEILI_URL is set', () => {
    expect(loadConfig(base).search).toEqual({ engine: 'embedded', dir: expect.stringMatching(/data[/\\]search$/) });
    expect(loadConfig({ ...base, MEILI_URL: 'http://meili:7700', MEILI_API_KEY: 'k', MEILI_INDEX_PREFIX: 'prod_' }).search).toEqual({
      engine: 'meilisearch',
      url: 'http://meili:7700',
      apiKey: 'k',
      indexPrefix: 'prod_',
    });
  });

  it('picks PostgreSQL from DATABASE_URL', () => {
    expect(loadConfig({ ...base, DATABASE_URL: 'postgres://app@db:5432/alternance' }).database).toEqual({
      driver: 'postgresql',
      url: 'postgres://app@db:5432/alternance',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ GRAPHQL_PLAYGROUND: 'maybe' }, 'GRAPHQL_PLAYGROUND'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ MEILI_URL: 'meili:7700' }, 'MEILI_URL'],
    [{ MEILI_URL: 'http://meili:7700', MEILI_INDEX_PREFIX: 'a b' }, 'MEILI_INDEX_PREFIX'],
  ])('fails at start-up naming the variable: %j', (env, variable) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(new RegExp(`^Configuration error in ${variable}:`));
  });

  it('requires a JWT secret in production and turns the playground and introspection off', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://a@b/c' })).toThrow(/JWT_SECRET/);
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://a@b/c', JWT_SECRET: 'x'.repeat(40) });
    expect(config.playground).toBe(false);
    expect(config.introspection).toBe(false);
    expect(config.seedDemo).toBe(false);
  });
});
