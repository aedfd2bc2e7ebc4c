import { Migration } from '@mikro-orm/migrations';

// Hand-trimmed: MikroORM's SQLite diff also proposed rebuilding unchanged tables (it misreads
// their check constraints). New: where imported offers come from, the import runs, how to
// apply on a partner's page, and organizations created by imports until an employer claims them.
export class Migration20261205190500_partner_imports extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`import_runs\` (\`id\` text not null, \`source\` text not null, \`location\` text not null, \`status\` text check (\`status\` in ('RUNNING', 'SUCCEEDED', 'FAILED')) not null default 'RUNNING', \`complete\` integer not null default true, \`started_at\` datetime not null, \`finished_at\` datetime null, \`read\` integer not null default 0, \`created\` integer not null default 0, \`updated\` integer not null default 0, \`unchanged\` integer not null default 0, \`closed\` integer not null default 0, \`skipped\` integer not null default 0, \`rejected\` integer not null default 0, \`flagged\` integer not null default 0, \`merged\` integer not null default 0, \`closing_skipped\` text null, \`rejections\` json not null, \`error\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`import_runs_source_started_at_index\` on \`import_runs\` (\`source\`, \`started_at\`);`);
    this.addSql(`create table \`offer_sources\` (\`id\` text not null, \`offer_id\` text not null, \`source\` text not null, \`external_id\` text not null, \`digest\` text not null, \`dedup_key\` text not null, \`first_seen_at\` datetime not null, \`last_seen_at\` datetime not null, \`missed_runs\` integer not null default 0, \`gone\` integer not null default false, constraint \`offer_sources_offer_id_foreign\` foreign key(\`offer_id\`) references \`offers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`offer_sources_offer_id_index\` on \`offer_sources\` (\`offer_id\`);`);
    this.addSql(`create index \`offer_sources_dedup_key_index\` on \`offer_sources\` (\`dedup_key\`);`);
    this.addSql(`create index \`offer_sources_source_last_seen_at_index\` on \`offer_sources\` (\`source\`, \`last_seen_at\`);`);
    this.addSql(`create unique index \`offer_sources_source_external_id_unique\` on \`offer_sources\` (\`source\`, \`external_id\`);`);
    this.addSql(`alter table \`organizations\` add column \`claimed\` integer not null default true;`);
    this.addSql(`alter table \`organizations\` add column \`name_key\` text null;`);
    this.addSql(`create index \`organizations_name_key_index\` on \`organizations\` (\`name_key\`);`);
    this.addSql(`alter table \`offers\` add column \`apply_url\` text null;`);
    this.addSql(`alter table \`offers\` add column \`apply_email\` text null;`);
    this.addSql(`alter table \`offers\` add column \`diploma\` text null;`);
    this.addSql(`alter table \`offers\` add column \`occupation_to_review\` integer not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`offer_sources\`;`);
    this.addSql(`drop table if exists \`import_runs\`;`);
    this.addSql(`drop index \`organizations_name_key_index\`;`);
    this.addSql(`alter table \`organizations\` drop column \`name_key\`;`);
    this.addSql(`alter table \`organizations\` drop column \`claimed\`;`);
    this.addSql(`alter table \`offers\` drop column \`apply_url\`;`);
    this.addSql(`alter table \`offers\` drop column \`apply_email\`;`);
    this.addSql(`alter table \`offers\` drop column \`diploma\`;`);
    this.addSql(`alter table \`offers\` drop column \`occupation_to_review\`;`);
  }

}
