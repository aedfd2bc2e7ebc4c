import { Migration } from '@mikro-orm/migrations';

const USERS_COLUMNS = '`id`, `email`, `password_hash`, `role`, `display_name`, `organization_id`, `created_at`, `last_login_at`, `last_active_at`';

// Written by hand. The MENTOR role widens the users' role check, which SQLite can only do by
// rebuilding the table (https://sqlite.org/lang_altertable.html#otheralter): new table, copy,
// drop, rename, indexes again. Candidates, notifications, saved searches and invitations
// reference users with cascading deletes: foreign keys must be off (SqliteMigrator turns them
// off around the migrations' transaction), or the drop would delete their rows. The statements
// run here rather than through addSql so that the foreign key check can refuse, inside the
// transaction, before anything commits.
export class Migration20261205191000_mentor_role extends Migration {

  override async up(): Promise<void> {
    await this.assertForeignKeysOff();
    await this.execute(`create table \`users__new\` (\`id\` text not null, \`email\` text not null, \`password_hash\` text not null, \`role\` text check (\`role\` in ('CANDIDATE', 'EMPLOYER', 'RECRUITER', 'ADMIN', 'MENTOR')) not null, \`display_name\` text not null, \`organization_id\` text null, \`created_at\` datetime not null, \`last_login_at\` datetime null, \`last_active_at\` datetime null, \`disability_referent_trained_at\` text null, constraint \`users_organization_id_foreign\` foreign key(\`organization_id\`) references \`organizations\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    await this.execute(`insert into \`users__new\` (${USERS_COLUMNS}) select ${USERS_COLUMNS} from \`users\`;`);
    await this.rebuildUsers();
  }

  override async down(): Promise<void> {
    await this.assertForeignKeysOff();
    await this.execute(`create table \`users__new\` (\`id\` text not null, \`email\` text not null, \`password_hash\` text not null, \`role\` text check (\`role\` in ('CANDIDATE', 'EMPLOYER', 'RECRUITER', 'ADMIN')) not null, \`display_name\` text not null, \`organization_id\` text null, \`created_at\` datetime not null, \`last_login_at\` datetime null, \`last_active_at\` datetime null, constraint \`users_organization_id_foreign\` foreign key(\`organization_id\`) references \`organizations\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    await this.execute(`insert into \`users__new\` (${USERS_COLUMNS}) select ${USERS_COLUMNS} from \`users\` where \`role\` <> 'MENTOR';`);
    await this.rebuildUsers();
  }

  private async rebuildUsers(): Promise<void> {
    await this.execute('drop table `users`;');
    await this.execute('alter table `users__new` rename to `users`;');
    await this.execute('create unique index `users_email_unique` on `users` (`email`);');
    await this.execute('create index `users_organization_id_index` on `users` (`organization_id`);');
    await this.execute('create index `users_last_active_at_index` on `users` (`last_active_at`);');
    const broken = await this.execute('pragma foreign_key_check;');
    if (broken.length > 0) throw new Error(`rebuilding users broke ${broken.length} foreign key(s): ${JSON.stringify(broken.slice(0, 5))}`);
  }

  /** With foreign keys on, dropping users would cascade into every table that references it. */
  private async assertForeignKeysOff(): Promise<void> {
    const [row] = await this.execute('pragma foreign_keys;');
    if (Number(Object.values(row ?? {})[0]) !== 0) {
      throw new Error('this migration rebuilds the users table and needs foreign keys off: run it through SqliteMigrator (npm run migrate)');
    }
  }

}
