import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

type LevelName = AppConfig['logLevel'];

const LEVELS: Record<Exclude<LevelName, 'silent'>, LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** Nest's start-up lines (one per module and route) say nothing an operator needs: debug only. */
const FRAMEWORK_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication', 'GraphQLModule']);

function contextOf(rest: unknown[]): string | undefined {
  const last = rest[rest.length - 1];
  return typeof last === 'string' ? last : undefined;
}

/**
 * One JSON object per line on stdout (errors on stderr), Nest's own format:
 * `{"level","pid","timestamp","message","context"}`. Messages are objects with an `event`
 * field, never request bodies, variables or headers.
 */
export class JsonLogger extends ConsoleLogger {
  constructor(private readonly level: Exclude<LevelName, 'silent'>) {
    super({ json: true, colors: false, logLevels: LEVELS[level] });
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = contextOf(rest) ?? this.context;
    if (this.level !== 'debug' && context && FRAMEWORK_CONTEXTS.has(context)) return;
    super.log(message, ...rest);
  }

  override error(message: unknown, ...rest: unknown[]): void {
    // Nest logs every error a resolver throws, message and all: a database error quotes the
    // row it could not write (an email, a password hash). Expected errors are data for the
    // client, and unexpected ones are logged by the operation log without their message.
    if (contextOf(rest) === 'ExceptionsHandler') return;
    super.error(message, ...rest);
  }
}

/** The process logger for LOG_LEVEL, or undefined for `silent`. */
export function createAppLogger(level: LevelName): JsonLogger | undefined {
  return level === 'silent' ? undefined : new JsonLogger(level);
}

/** Apollo Server's own messages (start-up, unexpected failures) on the same JSON lines. */
export function apolloLogger(logger: JsonLogger | undefined) {
  const line = (message: unknown) => ({ event: 'apollo', message: String(message) });
  return {
    debug: (message?: unknown) => logger?.debug(line(message), 'apollo'),
    info: (message?: unknown) => logger?.log(line(message), 'apollo'),
    warn: (message?: unknown) => logger?.warn(line(message), 'apollo'),
    error: (message?: unknown) => logger?.error(line(message), 'apollo'),
  };
}
