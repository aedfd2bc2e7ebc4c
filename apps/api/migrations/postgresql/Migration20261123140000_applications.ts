import { Migration } from '@mikro-orm/migrations';

export class Migration20261123140000_applications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "applications" ("id" uuid not null, "offer_id" uuid not null, "candidate_id" uuid null, "status" text check ("status" in ('SUBMITTED', 'IN_REVIEW', 'INTERVIEW', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN')) not null default 'SUBMITTED', "message" text not null default '', "answers" jsonb not null, "rejection_reason" text check ("rejection_reason" in ('SKILLS_MISMATCH', 'EXPERIENCE_MISMATCH', 'AVAILABILITY_MISMATCH', 'LOCATION_MISMATCH', 'POSITION_FILLED', 'NO_RESPONSE', 'OTHER')) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "applications_pkey" primary key ("id"));`);
    this.addSql(`create index "applications_offer_id_status_index" on "applications" ("offer_id", "status");`);
    this.addSql(`alter table "applications" add constraint "applications_candidate_id_offer_id_unique" unique ("candidate_id", "offer_id");`);
    this.addSql(`create table "invitations" ("id" uuid not null, "offer_id" uuid not null, "organization_id" uuid not null, "candidate_id" uuid not null, "invited_by_id" uuid null, "message" text not null default '', "status" text check ("status" in ('PENDING', 'ACCEPTED', 'DECLINED')) not null default 'PENDING', "application_id" uuid null, "created_at" timestamptz not null, "answered_at" timestamptz null, "version" int not null default 1, constraint "invitations_pkey" primary key ("id"));`);
    this.addSql(`create index "invitations_candidate_id_created_at_index" on "invitations" ("candidate_id", "created_at");`);
    this.addSql(`create index "invitations_organization_id_candidate_id_status_index" on "invitations" ("organization_id", "candidate_id", "status");`);
    this.addSql(`alter table "invitations" add constraint "invitations_offer_id_candidate_id_unique" unique ("offer_id", "candidate_id");`);
    this.addSql(`create table "application_history" ("id" serial primary key, "application_id" uuid not null, "status" text check ("status" in ('SUBMITTED', 'IN_REVIEW', 'INTERVIEW', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN')) not null, "rejection_reason" text check ("rejection_reason" in ('SKILLS_MISMATCH', 'EXPERIENCE_MISMATCH', 'AVAILABILITY_MISMATCH', 'LOCATION_MISMATCH', 'POSITION_FILLED', 'NO_RESPONSE', 'OTHER')) null, "actor_user_id" uuid null, "actor_role" text check ("actor_role" in ('CANDIDATE', 'EMPLOYER', 'RECRUITER', 'ADMIN')) not null, "note" text null, "at" timestamptz not null);`);
    this.addSql(`create index "application_history_application_id_index" on "application_history" ("application_id");`);
    this.addSql(`alter table "applications" add constraint "applications_offer_id_foreign" foreign key ("offer_id") references "offers" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "applications" add constraint "applications_candidate_id_foreign" foreign key ("candidate_id") references "candidates" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "invitations" add constraint "invitations_offer_id_foreign" foreign key ("offer_id") references "offers" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invitations" add constraint "invitations_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invitations" add constraint "invitations_candidate_id_foreign" foreign key ("candidate_id") references "candidates" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invitations" add constraint "invitations_invited_by_id_foreign" foreign key ("invited_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "invitations" add constraint "invitations_application_id_foreign" foreign key ("application_id") references "applications" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "application_history" add constraint "application_history_application_id_foreign" foreign key ("application_id") references "applications" ("id") on update cascade on delete cascade;`);
    // Existing offers get no questions; the entity gives new rows their value, as for the other json columns.
    this.addSql(`alter table "offers" add column "screening_questions" jsonb not null default '[]';`);
    this.addSql(`alter table "offers" alter column "screening_questions" drop default;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "invitations" cascade;`);
    this.addSql(`drop table if exists "application_history" cascade;`);
    this.addSql(`drop table if exists "applications" cascade;`);
    this.addSql(`alter table "offers" drop column "screening_questions";`);
  }

}
