import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';

export type DatabaseConfig =
  | { driver: 'sqlite'; file: string }
  | { driver: 'postgresql'; url: string };

/** Everything the process reads from its environment, read once and validated at start-up. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Where people open the web app, for the links in mail (PUBLIC_URL). */
  publicUrl?: string;
  dataDir: string;
  database: DatabaseConfig;
  migrateOnStart: boolean;
  catalogueDir: string;
  seedDemo: boolean;
  jwtSecret: string;
  jwtTtlSeconds: number;
  playground: boolean;
  introspection: boolean;
  logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  bodyLimitBytes: number;
  search: SearchConfig;
  mail: MailConfig;
  /** Seconds between runs of the scheduled jobs in the API process; 0 turns them off. */
  jobsIntervalSeconds: number;
  /** Days a published offer stays on the board before it expires. */
  offerTtlDays: number;
  graphqlLimits: GraphqlLimits;
  rateLimit: RateLimitConfig;
  /** Express `trust proxy`: whose X-Forwarded-For to believe for the caller's address. */
  trustProxy: boolean | number | string[];
  /** How long in-flight requests may run after SIGTERM before connections are cut. */
  shutdownTimeoutMs: number;
  /**
   * Whether this process applies the outbox to the search indexes. False (Meilisearch only)
   * when a worker process does it: writers then wait for the worker instead.
   */
  relayInProcess: boolean;
  /** HTTP port of the worker process's health probes. */
  workerPort: number;
  /**
   * Where state that several API processes must share lives (rate-limit windows): a Redis
   * server. Null: each process keeps it in its own memory.
   */
  redis: RedisConfig | null;
}

export interface RedisConfig {
  url: string;
  /** Put before every key, so several deployments can share one server. */
  keyPrefix: string;
}

/** Refused before execution with QUERY_TOO_COMPLEX. */
export interface GraphqlLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

/** Budgets per window, counted per root mutation field (aliases count one each). */
export interface RateLimitConfig {
  enabled: boolean;
  windowSeconds: number;
  /** `logIn` and `signUp` fields from one address. */
  authPerIp: number;
  /** `logIn` attempts at one email address, from anywhere. */
  logInPerAccount: number;
  /** Other mutation fields from one address. */
  writesPerIp: number;
  /** Other mutation fields from one signed-in account. */
  writesPerAccount: number;
}

/** Where mail goes: an SMTP server, or (default) a JSON-lines file under DATA_DIR/mail. */
export type MailConfig = { transport: 'smtp'; url: string; from: string } | { transport: 'file'; dir: string; from: string };

export type SearchConfig =
  | { engine: 'embedded'; dir: string }
  | { engine: 'meilisearch'; url: string; apiKey?: string; indexPrefix: string };

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Configuration error in ${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/** The repository root: where package.json sits, two levels above dist/ or the sources. */
export function projectRoot(): string {
  let dir = __dirname;
  while (dir !== path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

function database(env: Env, dataDir: string): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (!url) return { driver: 'sqlite', file: path.join(dataDir, 'alternance.sqlite') };
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid postgres:// URL');
    }
    return { driver: 'postgresql', url };
  }
  if (url.startsWith('sqlite:')) return { driver: 'sqlite', file: path.resolve(url.slice('sqlite:'.length)) };
  throw new ConfigError('DATABASE_URL', 'expected postgres://user@host:port/db or sqlite:/path/to/file.sqlite');
}

function search(env: Env, dataDir: string): SearchConfig {
  const url = env.MEILI_URL;
  if (!url) return { engine: 'embedded', dir: path.join(dataDir, 'search') };
  try {
    const parsed = new URL(url);
    if (!/^https?:$/.test(parsed.protocol)) throw new Error();
  } catch {
    throw new ConfigError('MEILI_URL', 'expected http(s)://host:port of a Meilisearch server');
  }
  const prefix = env.MEILI_INDEX_PREFIX ?? '';
  if (!/^[A-Za-z0-9_-]*$/.test(prefix)) throw new ConfigError('MEILI_INDEX_PREFIX', 'letters, digits, - and _ only');
  return { engine: 'meilisearch', url, apiKey: env.MEILI_API_KEY || undefined, indexPrefix: prefix };
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** false, true, a hop count, or addresses / subnets / loopback, linklocal, uniquelocal. */
function trustProxy(env: Env): boolean | number | string[] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || /^(0|false|no|off)$/i.test(raw)) return false;
  if (/^(true|yes|on)$/i.test(raw)) return true;
  if (/^\d+$/.test(raw)) return int(env, 'TRUST_PROXY', 0, 1, 100);
  const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const valid = PROXY_NAMES.has(entry) || (isIP(address) !== 0 && extra === undefined && (bits === undefined || /^\d{1,3}$/.test(bits)));
    if (!valid) throw new ConfigError('TRUST_PROXY', `expected false, true, a hop count or addresses/subnets, got "${entry}"`);
  }
  return entries;
}

function mail(env: Env, dataDir: string): MailConfig {
  const from = env.MAIL_FROM || 'Alternance <no-reply@alternance.localhost>';
  if (!/^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/.test(from.trim())) {
    throw new ConfigError('MAIL_FROM', 'expected an address, or "Name <address>"');
  }
  const url = env.SMTP_URL;
  if (!url) return { transport: 'file', dir: path.join(dataDir, 'mail'), from };
  try {
    const parsed = new URL(url);
    if (!/^smtps?:$/.test(parsed.protocol) || !parsed.hostname) throw new Error();
  } catch {
    throw new ConfigError('SMTP_URL', 'expected smtp://user:password@host:587 or smtps://user:password@host:465');
  }
  return { transport: 'smtp', url, from };
}

function redis(env: Env): RedisConfig | null {
  const prefix = env.REDIS_KEY_PREFIX ?? 'alternance:';
  if (!/^[A-Za-z0-9:_.-]{0,100}$/.test(prefix)) throw new ConfigError('REDIS_KEY_PREFIX', 'letters, digits, :, ., - and _ only (at most 100)');
  const url = env.REDIS_URL;
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (!/^rediss?:$/.test(parsed.protocol) || !parsed.hostname) throw new Error();
    if (parsed.pathname.length > 1 && !/^\/\d{1,2}$/.test(parsed.pathname)) throw new Error();
  } catch {
    throw new ConfigError('REDIS_URL', 'expected redis://[user:password@]host:6379[/db] or rediss:// for TLS');
  }
  return { url, keyPrefix: prefix };
}

/** The embedded engine keeps one index per process: each process must feed its own. */
function relayInProcess(env: Env): boolean {
  const value = bool(env, 'RELAY_IN_PROCESS', true);
  if (!value && !env.MEILI_URL) throw new ConfigError('RELAY_IN_PROCESS', 'false needs MEILI_URL: the embedded search engine is fed by each process itself');
  return value;
}

/**
 * The signing secret: required in production; elsewhere one is generated once and kept in the
 * data folder so tokens survive a restart.
 */
function jwtSecret(env: Env, appEnv: AppConfig['env'], dataDir: string): string {
  const given = env.JWT_SECRET;
  if (given) {
    if (given.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
    return given;
  }
  if (appEnv === 'production') throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
  if (appEnv === 'test') return 'test-secret-test-secret-test-secret!';
  const file = path.join(dataDir, '.jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function publicUrl(env: Env): string {
  const raw = env.PUBLIC_URL || 'http://127.0.0.1:3000';
  try {
    const parsed = new URL(raw);
    if (!/^https?:$/.test(parsed.protocol)) throw new Error('scheme');
  } catch {
    throw new ConfigError('PUBLIC_URL', 'expected the http(s):// address of the web app');
  }
  return raw.replace(/\/+$/, '');
}

export function loadConfig(env: Env = process.env): AppConfig {
  const root = projectRoot();
  const appEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const dataDir = path.resolve(root, env.DATA_DIR || 'data');
  const production = appEnv === 'production';
  const db = database(env, dataDir);
  return {
    env: appEnv,
    host: env.HOST || '127.0.0.1',
    port: int(env, 'PORT', 3000, 0, 65535),
    publicUrl: publicUrl(env),
    dataDir,
    database: db,
    migrateOnStart: bool(env, 'MIGRATE_ON_START', true),
    catalogueDir: path.resolve(root, env.CATALOGUE_DIR || '../shared/data'),
    seedDemo: bool(env, 'SEED_DEMO', !production && db.driver === 'sqlite'),
    jwtSecret: jwtSecret(env, appEnv, dataDir),
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 3600, 60, 30 * 24 * 3600),
    playground: bool(env, 'GRAPHQL_PLAYGROUND', !production),
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
    logLevel: oneOf(env, 'LOG_LEVEL', ['silent', 'error', 'warn', 'info', 'debug'] as const, 'info'),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    search: search(env, dataDir),
    mail: mail(env, dataDir),
    // Tests drive the jobs themselves; everywhere else they run every minute by default.
    jobsIntervalSeconds: int(env, 'JOBS_INTERVAL_SECONDS', appEnv === 'test' ? 0 : 60, 0, 24 * 3600),
    offerTtlDays: int(env, 'OFFER_TTL_DAYS', 60, 1, 365),
    graphqlLimits: {
      maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
      maxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 30, 1, 10_000),
      maxDirectives: int(env, 'GRAPHQL_MAX_DIRECTIVES', 50, 1, 10_000),
      maxTokens: int(env, 'GRAPHQL_MAX_TOKENS', 5_000, 100, 1_000_000),
      maxCost: int(env, 'GRAPHQL_MAX_COST', 5_000, 10, 10_000_000),
    },
    rateLimit: {
      enabled: bool(env, 'RATE_LIMIT_ENABLED', true),
      windowSeconds: int(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 24 * 3600),
      authPerIp: int(env, 'RATE_LIMIT_AUTH_PER_IP', 30, 1, 1_000_000),
      logInPerAccount: int(env, 'RATE_LIMIT_LOGIN_PER_ACCOUNT', 10, 1, 1_000_000),
      writesPerIp: int(env, 'RATE_LIMIT_WRITES_PER_IP', 600, 1, 10_000_000),
      writesPerAccount: int(env, 'RATE_LIMIT_WRITES_PER_ACCOUNT', 300, 1, 10_000_000),
    },
    trustProxy: trustProxy(env),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 10 * 60_000),
    relayInProcess: relayInProcess(env),
    workerPort: int(env, 'WORKER_PORT', 3001, 0, 65535),
    redis: redis(env),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
