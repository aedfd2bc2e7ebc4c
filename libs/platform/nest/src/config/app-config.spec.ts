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
    [{ GRAPHQL_MAX_DEPTH: '1' }, 'GRAPHQL_MAX_DEPTH'],
    [{ GRAPHQL_MAX_TOKENS: 'many' }, 'GRAPHQL_MAX_TOKENS'],
    [{ GRAPHQL_MAX_COST: '0' }, 'GRAPHQL_MAX_COST'],
    [{ GRAPHQL_MAX_ALIASES: '-1' }, 'GRAPHQL_MAX_ALIASES'],
    [{ GRAPHQL_MAX_DIRECTIVES: '1.5' }, 'GRAPHQL_MAX_DIRECTIVES'],
    [{ RATE_LIMIT_ENABLED: 'sometimes' }, 'RATE_LIMIT_ENABLED'],
    [{ RATE_LIMIT_WINDOW_SECONDS: '0' }, 'RATE_LIMIT_WINDOW_SECONDS'],
    [{ RATE_LIMIT_AUTH_PER_IP: '0' }, 'RATE_LIMIT_AUTH_PER_IP'],
    [{ RATE_LIMIT_LOGIN_PER_ACCOUNT: 'ten' }, 'RATE_LIMIT_LOGIN_PER_ACCOUNT'],
    [{ RATE_LIMIT_WRITES_PER_IP: '' + 1e12 }, 'RATE_LIMIT_WRITES_PER_IP'],
    [{ RATE_LIMIT_WRITES_PER_ACCOUNT: 'x' }, 'RATE_LIMIT_WRITES_PER_ACCOUNT'],
    [{ TRUST_PROXY: 'proxy.example' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/8/1' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '1000' }, 'TRUST_PROXY'],
    [{ SHUTDOWN_TIMEOUT_MS: '-5' }, 'SHUTDOWN_TIMEOUT_MS'],
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

  it('limits GraphQL documents and rate-limits mutations by default, with every budget configurable', () => {
    const config = loadConfig(base);
    expect(config.graphqlLimits).toEqual({ maxDepth: 12, maxAliases: 30, maxDirectives: 50, maxTokens: 5000, maxCost: 5000 });
    expect(config.rateLimit).toEqual({ enabled: true, windowSeconds: 60, authPerIp: 30, logInPerAccount: 10, writesPerIp: 600, writesPerAccount: 300 });
    expect(config.shutdownTimeoutMs).toBe(10_000);
    const custom = loadConfig({
      ...base,
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_DIRECTIVES: '10',
      GRAPHQL_MAX_TOKENS: '2000',
      GRAPHQL_MAX_COST: '900',
      RATE_LIMIT_ENABLED: 'false',
      RATE_LIMIT_WINDOW_SECONDS: '10',
      RATE_LIMIT_AUTH_PER_IP: '3',
      RATE_LIMIT_LOGIN_PER_ACCOUNT: '2',
      RATE_LIMIT_WRITES_PER_IP: '50',
      RATE_LIMIT_WRITES_PER_ACCOUNT: '20',
      SHUTDOWN_TIMEOUT_MS: '2500',
    });
    expect(custom.graphqlLimits).toEqual({ maxDepth: 8, maxAliases: 5, maxDirectives: 10, maxTokens: 2000, maxCost: 900 });
    expect(custom.rateLimit).toEqual({ enabled: false, windowSeconds: 10, authPerIp: 3, logInPerAccount: 2, writesPerIp: 50, writesPerAccount: 20 });
    expect(custom.shutdownTimeoutMs).toBe(2500);
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['true', true],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8, 192.168.1.7, fd00::/8', ['loopback', '10.0.0.0/8', '192.168.1.7', 'fd00::/8']],
  ])('reads TRUST_PROXY=%s (off unless set: X-Forwarded-For is ignored by default)', (value, expected) => {
    expect(loadConfig({ ...base, TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('keeps shared state in memory unless REDIS_URL is set, and refuses a bad Redis URL or key prefix', () => {
    expect(loadConfig(base).redis).toBeNull();
    expect(loadConfig({ ...base, REDIS_URL: 'redis://127.0.0.1:6379' }).redis).toEqual({ url: 'redis://127.0.0.1:6379', keyPrefix: 'alternance:' });
    expect(loadConfig({ ...base, REDIS_URL: 'rediss://user:secret@cache.example:6380/2', REDIS_KEY_PREFIX: 'prod:' }).redis).toEqual({
      url: 'rediss://user:secret@cache.example:6380/2',
      keyPrefix: 'prod:',
    });
    expect(() => loadConfig({ ...base, REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ ...base, REDIS_URL: 'redis://127.0.0.1:6379/zero' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ ...base, REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: 'a b' })).toThrow(/REDIS_KEY_PREFIX/);
  });
});

describe('loadConfig: mail, jobs and offer lifetime', () => {
  const base = { NODE_ENV: 'test' };

  it('writes mail to a file under the data folder unless SMTP_URL is set', () => {
    expect(loadConfig(base).mail).toEqual({ transport: 'file', dir: expect.stringMatching(/data[/\\]mail$/), from: 'Alternance <no-reply@alternance.localhost>' });
    expect(loadConfig({ ...base, SMTP_URL: 'smtps://user:secret@mail.example.org:465', MAIL_FROM: 'Alternance <jobs@example.org>' }).mail).toEqual({
      transport: 'smtp',
      url: 'smtps://user:secret@mail.example.org:465',
      from: 'Alternance <jobs@example.org>',
    });
    expect(loadConfig({ ...base, MAIL_FROM: 'jobs@example.org' }).mail.from).toBe('jobs@example.org');
  });

  it('runs the jobs every minute outside tests, never in tests unless asked, and expires offers after 60 days', () => {
    expect(loadConfig(base).jobsIntervalSeconds).toBe(0);
    expect(loadConfig({ NODE_ENV: 'development' }).jobsIntervalSeconds).toBe(60);
    expect(loadConfig({ ...base, JOBS_INTERVAL_SECONDS: '15' }).jobsIntervalSeconds).toBe(15);
    expect(loadConfig(base).offerTtlDays).toBe(60);
    expect(loadConfig({ ...base, OFFER_TTL_DAYS: '30' }).offerTtlDays).toBe(30);
  });

  it.each([
    [{ SMTP_URL: 'mail.example.org:25' }, 'SMTP_URL'],
    [{ SMTP_URL: 'http://mail.example.org' }, 'SMTP_URL'],
    [{ MAIL_FROM: 'not an address' }, 'MAIL_FROM'],
    [{ JOBS_INTERVAL_SECONDS: '-1' }, 'JOBS_INTERVAL_SECONDS'],
    [{ OFFER_TTL_DAYS: '0' }, 'OFFER_TTL_DAYS'],
    [{ OFFER_TTL_DAYS: 'two months' }, 'OFFER_TTL_DAYS'],
  ])('fails at start-up naming the variable: %j', (env, variable) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(new RegExp(`^Configuration error in ${variable}:`));
  });
});
