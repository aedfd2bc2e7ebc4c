import { AppConfig } from '@alternance/platform/nest';

export interface JobLog {
  info(line: string): void;
  warn(line: string): void;
}

/** Log lines of this context: ids and counts only, never an address, a name or a text. */
export function jobLog(config: Pick<AppConfig, 'logLevel'>): JobLog {
  const level = config.logLevel;
  return {
    info: (line) => (level === 'info' || level === 'debug') && console.log(line),
    warn: (line) => level !== 'silent' && level !== 'error' && console.warn(line),
  };
}

export const JOB_LOG = Symbol('JOB_LOG');
