import { Migration } from '@mikro-orm/migrations';

// Hand-written from MikroORM's create statements: its SQLite diff would rebuild unchanged
// tables (it misreads their check constraints).
export class Migration20261123150000_notifications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`users\` add column \`last_active_at\` datetime null;`);
    // Existing accounts count as active at their last sign-in (or creation), not as inactive forever.
    this.addSql(`update \`users\` set \`last_active_at\` = coalesce(\`last_login_at\`, \`created_at\`);`);
    this.addSql(`create index \`users_last_active_at_index\` on \`users\` (\`last_active_at\`);`);

    this.addSql(`create table \`notifications\` (\`id\` text not null, \`recipient_id\` text not null, \`kind\` text check (\`kind\` in ('APPLICATION_RECEIVED', 'APPLICATION_STATUS_CHANGED', 'INVITATION_RECEIVED', 'INVITATION_ANSWERED', 'OFFER_EXPIRING', 'OFFER_FILLED', 'OFFER_EXPIRED', 'SAVED_SEARCH_DIGEST', 'RETENTION_WARNING')) not null, \`title\` text not null, \`body\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`about_user_id\` text null, \`created_at\` datetime not null, \`read_at\` datetime null, \`mailed_at\` datetime null, \`mail_attempts\` integer not null default 0, \`mail_next_attempt_at\` datetime null, constraint \`notifications_recipient_id_foreign\` foreign key(\`recipient_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`notifications_recipient_id_index\` on \`notifications\` (\`recipient_id\`);`);
    this.addSql(`create index \`notifications_about_user_id_index\` on \`notifications\` (\`about_user_id\`);`);
    this.addSql(`create index \`notifications_mail_next_attempt_at_index\` on \`notifications\` (\`mail_next_attempt_at\`);`);
    this.addSql(`create index \`notifications_recipient_id_created_at_index\` on \`notifications\` (\`recipient_id\`, \`created_at\`);`);

    this.addSql(`create table \`saved_searches\` (\`id\` text not null, \`user_id\` text not null, \`name\` text not null, \`search\` json not null, \`alert\` integer not null default false, \`created_at\` datetime not null, \`alerted_up_to\` datetime not null, constraint \`saved_searches_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`saved_searches_user_id_index\` on \`saved_searches\` (\`user_id\`);`);
    this.addSql(`create index \`saved_searches_user_id_created_at_index\` on \`saved_searches\` (\`user_id\`, \`created_at\`);`);

    this.addSql(`create table \`saved_search_matches\` (\`id\` text not null, \`saved_search_id\` text not null, \`offer_id\` text not null, \`notified_at\` datetime not null, constraint \`saved_search_matches_saved_search_id_foreign\` foreign key(\`saved_search_id\`) references \`saved_searches\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`saved_search_matches_saved_search_id_index\` on \`saved_search_matches\` (\`saved_search_id\`);`);
    this.addSql(`create unique index \`saved_search_matches_saved_search_id_offer_id_unique\` on \`saved_search_matches\` (\`saved_search_id\`, \`offer_id\`);`);

    this.addSql(`create table \`offer_expiry_notices\` (\`id\` text not null, \`offer_id\` text not null, \`stage\` text check (\`stage\` in ('WARN_7_DAYS', 'WARN_1_DAY', 'EXPIRED')) not null, \`sent_at\` datetime not null, constraint \`offer_expiry_notices_offer_id_foreign\` foreign key(\`offer_id\`) references \`offers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`offer_expiry_notices_offer_id_index\` on \`offer_expiry_notices\` (\`offer_id\`);`);
    this.addSql(`create unique index \`offer_expiry_notices_offer_id_stage_unique\` on \`offer_expiry_notices\` (\`offer_id\`, \`stage\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`offer_expiry_notices\`;`);
    this.addSql(`drop table if exists \`saved_search_matches\`;`);
    this.addSql(`drop table if exists \`saved_searches\`;`);
    this.addSql(`drop table if exists \`notifications\`;`);
    this.addSql(`drop index if exists \`users_last_active_at_index\`;`);
    this.addSql(`alter table \`users\` drop column \`last_active_at\`;`);
  }

}
