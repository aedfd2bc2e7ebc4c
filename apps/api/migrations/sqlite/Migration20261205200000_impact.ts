import { Migration } from '@mikro-orm/migrations';

const NOTIFICATION_COLUMNS = '`id`, `recipient_id`, `kind`, `title`, `body`, `subject_type`, `subject_id`, `about_user_id`, `created_at`, `read_at`, `mailed_at`, `mail_attempts`, `mail_next_attempt_at`';

// Written by hand: the outcome follow-up (outcomes), the marketplace exposures of the impact
// report's fair-exposure table, and the OUTCOME_QUESTION notice, which widens the
// notifications' kind check: SQLite rebuilds that table (foreign keys off, see SqliteMigrator).
export class Migration20261205200000_impact extends Migration {

  override async up(): Promise<void> {
    await this.assertForeignKeysOff();
    await this.execute("create table `outcomes` (`id` text not null, `application_id` text not null, `planned_end` text not null, `asked_at` datetime not null, `answered_at` datetime null, `employed` integer null, `kind` text check (`kind` in ('CDI', 'CDD', 'APPRENTICESHIP', 'FURTHER_STUDY', 'SELF_EMPLOYED', 'OTHER')) null, constraint `outcomes_application_id_foreign` foreign key(`application_id`) references `applications`(`id`) on delete cascade on update cascade, primary key (`id`));");
    await this.execute('create unique index `outcomes_application_id_unique` on `outcomes` (`application_id`);');
    await this.execute('create index `outcomes_answered_at_index` on `outcomes` (`answered_at`);');
    await this.execute("create table `marketplace_exposures` (`id` integer not null primary key autoincrement, `candidate_id` text not null, `organization_id` text not null, `source` text check (`source` in ('SEARCH', 'MATCH')) not null, `shown_at` datetime not null);");
    await this.execute('create index `marketplace_exposures_candidate_id_index` on `marketplace_exposures` (`candidate_id`);');
    await this.execute('create index `marketplace_exposures_shown_at_index` on `marketplace_exposures` (`shown_at`);');
    await this.rebuildNotifications(`create table \`notifications__new\` (\`id\` text not null, \`recipient_id\` text not null, \`kind\` text check (\`kind\` in ('APPLICATION_RECEIVED', 'APPLICATION_STATUS_CHANGED', 'INVITATION_RECEIVED', 'INVITATION_ANSWERED', 'OFFER_EXPIRING', 'OFFER_FILLED', 'OFFER_EXPIRED', 'SAVED_SEARCH_DIGEST', 'RETENTION_WARNING', 'MENTOR_ASSIGNED', 'OUTCOME_QUESTION')) not null, \`title\` text not null, \`body\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`about_user_id\` text null, \`created_at\` datetime not null, \`read_at\` datetime null, \`mailed_at\` datetime null, \`mail_attempts\` integer not null default 0, \`mail_next_attempt_at\` datetime null, constraint \`notifications_recipient_id_foreign\` foreign key(\`recipient_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`, '');
  }

  override async down(): Promise<void> {
    await this.assertForeignKeysOff();
    await this.rebuildNotifications(`create table \`notifications__new\` (\`id\` text not null, \`recipient_id\` text not null, \`kind\` text check (\`kind\` in ('APPLICATION_RECEIVED', 'APPLICATION_STATUS_CHANGED', 'INVITATION_RECEIVED', 'INVITATION_ANSWERED', 'OFFER_EXPIRING', 'OFFER_FILLED', 'OFFER_EXPIRED', 'SAVED_SEARCH_DIGEST', 'RETENTION_WARNING', 'MENTOR_ASSIGNED')) not null, \`title\` text not null, \`body\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`about_user_id\` text null, \`created_at\` datetime not null, \`read_at\` datetime null, \`mailed_at\` datetime null, \`mail_attempts\` integer not null default 0, \`mail_next_attempt_at\` datetime null, constraint \`notifications_recipient_id_foreign\` foreign key(\`recipient_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`, ` where \`kind\` <> 'OUTCOME_QUESTION'`);
    await this.execute('drop table if exists `outcomes`;');
    await this.execute('drop table if exists `marketplace_exposures`;');
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
