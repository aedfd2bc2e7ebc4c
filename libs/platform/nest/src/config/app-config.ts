import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type DatabaseConfig =
  | { driver: 'sqlite'; file: string }
  | { driver: 'postgresql'; url: string };

/** Everything the process reads from its environment, read once and validated at start-up. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
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
}

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
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
