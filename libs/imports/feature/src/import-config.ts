import { ConfigError } from '@alternance/platform/nest';

export const IMPORT_CONFIG = Symbol('IMPORT_CONFIG');

/** A partner feed the worker imports on a schedule. */
export interface ScheduledFeed {
  source: string;
  /** An http(s) URL or a file path. */
  location: string;
}

export interface ImportConfig {
  /** IMPORT_CLOSE_AFTER_MISSED_RUNS: complete runs in a row an offer may be missing before it closes (default 2). */
  closeAfterMissedRuns: number;
  /** IMPORT_MAX_SHRINK: a feed smaller than the last good run by more than this share closes nothing (default 0.3). */
  maxShrink: number;
  /** IMPORT_FEEDS: `source=url-or-path` pairs separated by spaces or commas, imported by the scheduled jobs. */
  feeds: ScheduledFeed[];
  /** IMPORT_INTERVAL_HOURS: hours between two scheduled imports of the feeds (default 24). */
  intervalHours: number;
}

/** Reads and checks the import settings; a wrong value stops start-up with its variable's name. */
export function loadImportConfig(env: NodeJS.ProcessEnv = process.env, knownSources?: readonly string[]): ImportConfig {
  const int = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new ConfigError(name, `expected a whole number of at least ${min}, got "${raw}"`);
    return value;
  };
  const shrinkRaw = env.IMPORT_MAX_SHRINK;
  const maxShrink = shrinkRaw === undefined || shrinkRaw === '' ? 0.3 : Number(shrinkRaw);
  if (!(maxShrink >= 0 && maxShrink < 1)) throw new ConfigError('IMPORT_MAX_SHRINK', `expected a share between 0 and 1 (excluded), got "${shrinkRaw}"`);
  const feeds: ScheduledFeed[] = [];
  for (const pair of (env.IMPORT_FEEDS ?? '').split(/[\s,]+/).filter(Boolean)) {
    const at = pair.indexOf('=');
    const source = at > 0 ? pair.slice(0, at) : '';
    const location = at > 0 ? pair.slice(at + 1) : '';
    if (!source || !location) throw new ConfigError('IMPORT_FEEDS', `expected source=url-or-path, got "${pair}"`);
    if (knownSources && !knownSources.includes(source)) throw new ConfigError('IMPORT_FEEDS', `unknown source "${source}" (known: ${knownSources.join(', ')})`);
    feeds.push({ source, location });
  }
  return { closeAfterMissedRuns: int('IMPORT_CLOSE_AFTER_MISSED_RUNS', 2, 1), maxShrink, feeds, intervalHours: int('IMPORT_INTERVAL_HOURS', 24, 1) };
}
