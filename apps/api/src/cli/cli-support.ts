import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { AppConfig, ConfigError, loadConfig } from '@alternance/platform/nest';
import { ormOptions } from '../persistence/orm-config';

/** `--name value` pairs from argv. */
export function parseFlags(argv: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) flags[name] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) flags[name] = argv[++i];
    else flags[name] = 'true';
  }
  return flags;
}

/** Runs a command with the configured database, migrated first; prints errors plainly. */
export function runCli(task: (orm: MikroORM, config: AppConfig) => Promise<void>): void {
  (async () => {
    const config = loadConfig();
    const orm = await MikroORM.init(ormOptions(config.database));
    try {
      await orm.getMigrator().up();
      await task(orm, config);
    } finally {
      await orm.close(true);
    }
  })().catch((error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof Error ? `error: ${error.message}` : error);
    process.exit(1);
  });
}
