import { Migration } from '@mikro-orm/migrations';

// Written by hand: mentor profiles, the mentor assignments (one per hired application), the
// apprentices' mentoring preferences, and the MENTOR_ASSIGNED notice kind.
export class Migration20261205192000_mentoring extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "mentor_profiles" ("id" uuid not null, "user_id" uuid not null, "occupations" jsonb not null, "skills" jsonb not null, "languages" jsonb not null, "weekly_capacity" int not null default 0, "disability_trained_at" varchar(10) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "mentor_profiles_pkey" primary key ("id"));`);
    this.addSql(`alter table "mentor_profiles" add constraint "mentor_profiles_user_id_unique" unique ("user_id");`);
    this.addSql(`create table "mentor_assignments" ("id" uuid not null, "application_id" uuid not null, "apprentice_id" uuid not null, "mentor_id" uuid not null, "referent_id" uuid null, "fit" int not null default 0, "reasons" jsonb not null, "pinned" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "mentor_assignments_pkey" primary key ("id"));`);
    this.addSql(`alter table "mentor_assignments" add constraint "mentor_assignments_application_id_unique" unique ("application_id");`);
    this.addSql(`create index "mentor_assignments_apprentice_id_index" on "mentor_assignments" ("apprentice_id");`);
    this.addSql(`create index "mentor_assignments_mentor_id_index" on "mentor_assignments" ("mentor_id");`);
    this.addSql(`create table "mentee_preferences" ("id" uuid not null, "user_id" uuid not null, "languages" jsonb not null, "accommodation_need" text null, "share_accommodation_with_mentor" boolean not null default false, "updated_at" timestamptz not null, constraint "mentee_preferences_pkey" primary key ("id"));`);
    this.addSql(`alter table "mentee_preferences" add constraint "mentee_preferences_user_id_unique" unique ("user_id");`);
    this.addSql(`alter table "mentor_profiles" add constraint "mentor_profiles_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "mentor_assignments" add constraint "mentor_assignments_application_id_foreign" foreign key ("application_id") references "applications" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "mentor_assignments" add constraint "mentor_assignments_apprentice_id_foreign" foreign key ("apprentice_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "mentor_assignments" add constraint "mentor_assignments_mentor_id_foreign" foreign key ("mentor_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "mentor_assignments" add constraint "mentor_assignments_referent_id_foreign" foreign key ("referent_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "mentee_preferences" add constraint "mentee_preferences_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_kind_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check("kind" in ('APPLICATION_RECEIVED', 'APPLICATION_STATUS_CHANGED', 'INVITATION_RECEIVED', 'INVITATION_ANSWERED', 'OFFER_EXPIRING', 'OFFER_FILLED', 'OFFER_EXPIRED', 'SAVED_SEARCH_DIGEST', 'RETENTION_WARNING', 'MENTOR_ASSIGNED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mentee_preferences" cascade;`);
    this.addSql(`drop table if exists "mentor_assignments" cascade;`);
    this.addSql(`drop table if exists "mentor_profiles" cascade;`);
    this.addSql(`delete from "notifications" where "kind" = 'MENTOR_ASSIGNED';`);
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_kind_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check("kind" in ('APPLICATION_RECEIVED', 'APPLICATION_STATUS_CHANGED', 'INVITATION_RECEIVED', 'INVITATION_ANSWERED', 'OFFER_EXPIRING', 'OFFER_FILLED', 'OFFER_EXPIRED', 'SAVED_SEARCH_DIGEST', 'RETENTION_WARNING'));`);
  }

}
