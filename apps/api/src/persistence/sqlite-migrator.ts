import { MikroORM } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';

/**
 * SQLite's migrator: migrations run with foreign keys off, as SQLite's own procedure for
 * changing a table asks (https://sqlite.org/lang_altertable.html#otheralter). A table that
 * others reference (users, say) can then be rebuilt (new table, copy, drop, rename) without the
 * drop cascading into the rows that reference it. `PRAGMA foreign_keys` has no effect inside a
 * transaction, so it is switched here, around the migrations' one transaction, on the pool's
 * one connection. A migration that rebuilds such a table checks that foreign keys are off
 * (`assertForeignKeysOff`) and ends with `PRAGMA foreign_key_check` inside its transaction.
 */
type MigratorEntityManager = ConstructorParameters<typeof Migrator>[0];

export class SqliteMigrator extends Migrator {
  private readonly entityManager: MigratorEntityManager;

  constructor(em: MigratorEntityManager) {
    super(em);
    this.entityManager = em;
  }

  static override register(orm: MikroORM): void {
    orm.config.registerExtension('@mikro-orm/migrator', () => new SqliteMigrator(orm.em as MigratorEntityManager));
  }

  override async up(options?: Parameters<Migrator['up']>[0]): ReturnType<Migrator['up']> {
    return this.withoutForeignKeys(() => super.up(options));
  }

  override async down(options?: Parameters<Migrator['down']>[0]): ReturnType<Migrator['down']> {
    return this.withoutForeignKeys(() => super.down(options));
  }

  private async withoutForeignKeys<T>(run: () => Promise<T>): Promise<T> {
    const connection = this.entityManager.getConnection();
    await connection.execute('pragma foreign_keys = off');
    try {
      return await run();
    } finally {
      await connection.execute('pragma foreign_keys = on');
    }
  }
}
