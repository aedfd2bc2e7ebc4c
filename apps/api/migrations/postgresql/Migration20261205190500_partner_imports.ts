import { Migration } from '@mikro-orm/migrations';

// Where imported offers come from, the import runs, how to apply on a partner's page, and
// organizations created by imports until an employer claims them.
export class Migration20261205190500_partner_imports extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "import_runs" ("id" uuid not null, "source" varchar(40) not null, "location" varchar(2000) not null, "status" text check ("status" in ('RUNNING', 'SUCCEEDED', 'FAILED')) not null default 'RUNNING', "complete" boolean not null default true, "started_at" timestamptz not null, "finished_at" timestamptz null, "read" int not null default 0, "created" int not null default 0, "updated" int not null default 0, "unchanged" int not null default 0, "closed" int not null default 0, "skipped" int not null default 0, "rejected" int not null default 0, "flagged" int not null default 0, "merged" int not null default 0, "closing_skipped" varchar(40) null, "rejections" jsonb not null, "error" text null, constraint "import_runs_pkey" primary key ("id"));`);
    this.addSql(`create index "import_runs_source_started_at_index" on "import_runs" ("source", "started_at");`);
    this.addSql(`create table "offer_sources" ("id" uuid not null, "offer_id" uuid not null, "source" varchar(40) not null, "external_id" varchar(200) not null, "digest" varchar(64) not null, "dedup_key" varchar(300) not null, "first_seen_at" timestamptz not null, "last_seen_at" timestamptz not null, "missed_runs" int not null default 0, "gone" boolean not null default false, constraint "offer_sources_pkey" primary key ("id"));`);
    this.addSql(`create index "offer_sources_offer_id_index" on "offer_sources" ("offer_id");`);
    this.addSql(`create index "offer_sources_dedup_key_index" on "offer_sources" ("dedup_key");`);
    this.addSql(`create index "offer_sources_source_last_seen_at_index" on "offer_sources" ("source", "last_seen_at");`);
    this.addSql(`alter table "offer_sources" add constraint "offer_sources_source_external_id_unique" unique ("source", "external_id");`);
    this.addSql(`alter table "offer_sources" add constraint "offer_sources_offer_id_foreign" foreign key ("offer_id") references "offers" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "organizations" add column "claimed" boolean not null default true, add column "name_key" varchar(200) null;`);
    this.addSql(`create index "organizations_name_key_index" on "organizations" ("name_key");`);
    this.addSql(`alter table "offers" add column "apply_url" varchar(2000) null, add column "apply_email" varchar(320) null, add column "diploma" varchar(200) null, add column "occupation_to_review" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "offer_sources" cascade;`);
    this.addSql(`drop table if exists "import_runs" cascade;`);
    this.addSql(`drop index "organizations_name_key_index";`);
    this.addSql(`alter table "organizations" drop column "claimed", drop column "name_key";`);
    this.addSql(`alter table "offers" drop column "apply_url", drop column "apply_email", drop column "diploma", drop column "occupation_to_review";`);
  }

}
