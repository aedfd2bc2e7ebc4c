import { Migration } from '@mikro-orm/migrations';

export class Migration20261123150000_notifications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "users" add column "last_active_at" timestamptz null;`);
    // Existing accounts count as active at their last sign-in (or creation), not as inactive forever.
    this.addSql(`update "users" set "last_active_at" = coalesce("last_login_at", "created_at");`);
    this.addSql(`create index "users_last_active_at_index" on "users" ("last_active_at");`);

    this.addSql(`create table "notifications" ("id" uuid not null, "recipient_id" uuid not null, "kind" text check ("kind" in ('APPLICATION_RECEIVED', 'APPLICATION_STATUS_CHANGED', 'INVITATION_RECEIVED', 'INVITATION_ANSWERED', 'OFFER_EXPIRING', 'OFFER_FILLED', 'OFFER_EXPIRED', 'SAVED_SEARCH_DIGEST', 'RETENTION_WARNING')) not null, "title" varchar(300) not null, "body" text not null, "subject_type" varchar(20) not null, "subject_id" varchar(36) not null, "about_user_id" varchar(36) null, "created_at" timestamptz not null, "read_at" timestamptz null, "mailed_at" timestamptz null, "mail_attempts" int not null default 0, "mail_next_attempt_at" timestamptz null, constraint "notifications_pkey" primary key ("id"));`);
    this.addSql(`create index "notifications_about_user_id_index" on "notifications" ("about_user_id");`);
    this.addSql(`create index "notifications_mail_next_attempt_at_index" on "notifications" ("mail_next_attempt_at");`);
    this.addSql(`create index "notifications_recipient_id_created_at_index" on "notifications" ("recipient_id", "created_at");`);
    this.addSql(`alter table "notifications" add constraint "notifications_recipient_id_foreign" foreign key ("recipient_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "saved_searches" ("id" uuid not null, "user_id" uuid not null, "name" varchar(100) not null, "search" jsonb not null, "alert" boolean not null default false, "created_at" timestamptz not null, "alerted_up_to" timestamptz not null, constraint "saved_searches_pkey" primary key ("id"));`);
    this.addSql(`create index "saved_searches_user_id_created_at_index" on "saved_searches" ("user_id", "created_at");`);
    this.addSql(`alter table "saved_searches" add constraint "saved_searches_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "saved_search_matches" ("id" uuid not null, "saved_search_id" uuid not null, "offer_id" varchar(36) not null, "notified_at" timestamptz not null, constraint "saved_search_matches_pkey" primary key ("id"));`);
    this.addSql(`alter table "saved_search_matches" add constraint "saved_search_matches_saved_search_id_offer_id_unique" unique ("saved_search_id", "offer_id");`);
    this.addSql(`alter table "saved_search_matches" add constraint "saved_search_matches_saved_search_id_foreign" foreign key ("saved_search_id") references "saved_searches" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "offer_expiry_notices" ("id" uuid not null, "offer_id" uuid not null, "stage" text check ("stage" in ('WARN_7_DAYS', 'WARN_1_DAY', 'EXPIRED')) not null, "sent_at" timestamptz not null, constraint "offer_expiry_notices_pkey" primary key ("id"));`);
    this.addSql(`alter table "offer_expiry_notices" add constraint "offer_expiry_notices_offer_id_stage_unique" unique ("offer_id", "stage");`);
    this.addSql(`alter table "offer_expiry_notices" add constraint "offer_expiry_notices_offer_id_foreign" foreign key ("offer_id") references "offers" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "offer_expiry_notices" cascade;`);
    this.addSql(`drop table if exists "saved_search_matches" cascade;`);
    this.addSql(`drop table if exists "saved_searches" cascade;`);
    this.addSql(`drop table if exists "notifications" cascade;`);
    this.addSql(`drop index if exists "users_last_active_at_index";`);
    this.addSql(`alter table "users" drop column if exists "last_active_at";`);
  }

}
