import { Migration } from '@mikro-orm/migrations';

const NOTIFICATION_COLUMNS = '`id`, `recipient_id`, `kind`, `title`, `body`, `subject_type`, `subject_id`, `about_user_id`, `created_at`, `read_at`, `mailed_at`, `mail_attempts`, `mail_next_attempt_at`';

// Written by hand: mentor profiles, the mentor assignments (one per hired application), the
// apprentices' mentoring preferences, and the MENTOR_ASSIGNED notice, which widens the
// notifications' kind check: SQLite rebuilds that table (foreign keys off, see SqliteMigrator).
export class Migration20261205192000_mentoring extends Migration {

  override async up(): Promise<void> {
    await this.assertForeignKeysOff();
    await this.execute(`create table \`mentor_profiles\` (\`id\` text not null, \`user_id\` text not null, \`occupations\` json not null, \`skills\` json not null, \`languages\` json not null, \`weekly_capacity\` integer not null default 0, \`disability_trained_at\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`version\` integer not null default 1, constraint \`mentor_profiles_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    await this.execute(`create unique index \`mentor_profiles_user_id_unique\` on \`mentor_profiles\` (\`user_id\`);`);
    await this.execute(`create table \`mentor_assignments\` (\`id\` text not null, \`application_id\` text not null, \`apprentice_id\` text not null, \`mentor_id\` text not null, \`referent_id\` text null, \`fit\` integer not null default 0, \`reasons\` json not null, \`pinned\` integer not null default false, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`mentor_assignments_application_id_foreign\` foreign key(\`application_id\`) references \`applications\`(\`id\`) on delete cascade on update cascade, constraint \`mentor_assignments_apprentice_id_foreign\` foreign key(\`apprentice_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, constraint \`mentor_assignments_mentor_id_foreign\` foreign key(\`mentor_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, constraint \`mentor_assignments_referent_id_foreign\` foreign key(\`referent_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    await this.execute(`create unique index \`mentor_assignments_application_id_unique\` on \`mentor_assignments\` (\`application_id\`);`);
    await this.execute(`create index \`mentor_assignments_apprentice_id_index\` on \`mentor_assignments\` (\`apprentice_id\`);`);
    await this.execute(`create index \`mentor_assignments_mentor_id_index\` on \`mentor_assignments\` (\`mentor_id\`);`);
    await this.execute(`create index \`mentor_assignments_referent_id_index\` on \`mentor_assignments\` (\`referent_id\`);`);
    await this.execute(`create table \`mentee_preferences\` (\`id\` text not null, \`user_id\` text not null, \`languages\` json not null, \`accommodation_need\` text null, \`share_accommodation_with_mentor\` integer not null default false, \`updated_at\` datetime not null, constraint \`mentee_preferences_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    await this.execute(`create unique index \`mentee_preferences_user_id_unique\` on \`mentee_preferences\` (\`user_id\`);`);
    await this.rebuildNotifications(`create table \`notifications__new\` (\`id\` text not null, \`recipient_id\` text not null, \`kind\` text check (\`kind\` in ('APPLICATION_RECEIVED', 'APPLICATION_STATUS_CHANGED', 'INVITATION_RECEIVED', 'INVITATION_ANSWERED', 'OFFER_EXPIRING', 'OFFER_FILLED', 'OFFER_EXPIRED', 'SAVED_SEARCH_DIGEST', 'RETENTION_WARNING', 'MENTOR_ASSIGNED')) not null, \`title\` text not null, \`body\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`about_user_id\` text null, \`created_at\` datetime not null, \`read_at\` datetime null, \`mailed_at\` datetime null, \`mail_attempts\` integer not null default 0, \`mail_next_attempt_at\` datetime null, constraint \`notifications_recipient_id_foreign\` foreign key(\`recipient_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`, '');
  }

  override async down(): Promise<void> {
    await this.assertForeignKeysOff();
    await this.rebuildNotifications(`create table \`notifications__new\` (\`id\` text not null, \`recipient_id\` text not null, \`kind\` text check (\`kind\` in ('APPLICATION_RECEIVED', 'APPLICATION_STATUS_CHANGED', 'INVITATION_RECEIVED', 'INVITATION_ANSWERED', 'OFFER_EXPIRING', 'OFFER_FILLED', 'OFFER_EXPIRED', 'SAVED_SEARCH_DIGEST', 'RETENTION_WARNING')) not null, \`title\` text not null, \`body\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`about_user_id\` text null, \`created_at\` datetime not null, \`read_at\` datetime null, \`mailed_at\` datetime null, \`mail_attempts\` integer not null default 0, \`mail_next_attempt_at\` datetime null, constraint \`notifications_recipient_id_foreign\` foreign key(\`recipient_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`, ` where \`kind\` <> 'MENTOR_ASSIGNED'`);
    await this.execute('drop table if exists `mentee_preferences`;');
    await this.execute('drop table if exists `mentor_assignments`;');
    await this.execute('drop table if exists `mentor_profiles`;');
  }

  private async rebuildNotifications(create: string, where: string): Promise<void> {
    await this.execute(create);
    await this.execute(`insert into \`notifications__new\` (${NOTIFICATION_COLUMNS}) select ${NOTIFICATION_COLUMNS} from \`notifications\`${where};`);
    await this.execute('drop table `notifications`;');
    await this.execute('alter table `notifications__new` rename to `notifications`;');
    await this.execute('create index `notifications_recipient_id_index` on `notifications` (`recipient_id`);');
    await this.execute('create index `notifications_about_user_id_index` on `notifications` (`about_user_id`);');
    await this.execute('create index `notifications_mail_next_attempt_at_index` on `notifications` (`mail_next_attempt_at`);');
    await this.execute('create index `notifications_recipient_id_created_at_index` on `notifications` (`recipient_id`, `created_at`);');
    const broken = await this.execute('pragma foreign_key_check;');
    if (broken.length > 0) throw new Error(`rebuilding notifications broke ${broken.length} foreign key(s)`);
  }

  private async assertForeignKeysOff(): Promise<void> {
    const [row] = await this.execute('pragma foreign_keys;');
    if (Number(Object.values(row ?? {})[0]) !== 0) {
      throw new Error('this migration rebuilds the notifications table and needs foreign keys off: run it through SqliteMigrator (npm run migrate)');
    }
  }

}
