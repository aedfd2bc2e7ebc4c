import { Migration } from '@mikro-orm/migrations';

// Written by hand: the outcome follow-up (outcomes), the marketplace exposures of the impact
// report's fair-exposure table, and the OUTCOME_QUESTION notice kind.
export class Migration20261205200000_impact extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "outcomes" ("id" uuid not null, "application_id" uuid not null, "planned_end" varchar(10) not null, "asked_at" timestamptz not null, "answered_at" timestamptz null, "employed" boolean null, "kind" text check ("kind" in ('CDI', 'CDD', 'APPRENTICESHIP', 'FURTHER_STUDY', 'SELF_EMPLOYED', 'OTHER')) null, constraint "outcomes_pkey" primary key ("id"));`);
    this.addSql(`alter table "outcomes" add constraint "outcomes_application_id_unique" unique ("application_id");`);
    this.addSql(`create index "outcomes_answered_at_index" on "outcomes" ("answered_at");`);
    this.addSql(`alter table "outcomes" add constraint "outcomes_application_id_foreign" foreign key ("application_id") references "applications" ("id") on update cascade on delete cascade;`);
    this.addSql(`create table "marketplace_exposures" ("id" serial primary key, "candidate_id" uuid not null, "organization_id" uuid not null, "source" text check ("source" in ('SEARCH', 'MATCH')) not null, "shown_at" timestamptz not null);`);
    this.addSql(`create index "marketplace_exposures_shown_at_index" on "marketplace_exposures" ("shown_at");`);
    this.addSql(`create index "marketplace_exposures_candidate_id_index" on "marketplace_exposures" ("candidate_id");`);
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_kind_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check("kind" in ('APPLICATION_RECEIVED', 'APPLICATION_STATUS_CHANGED', 'INVITATION_RECEIVED', 'INVITATION_ANSWERED', 'OFFER_EXPIRING', 'OFFER_FILLED', 'OFFER_EXPIRED', 'SAVED_SEARCH_DIGEST', 'RETENTION_WARNING', 'MENTOR_ASSIGNED', 'OUTCOME_QUESTION'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outcomes" cascade;`);
    this.addSql(`drop table if exists "marketplace_exposures" cascade;`);
    this.addSql(`delete from "notifications" where "kind" = 'OUTCOME_QUESTION';`);
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_kind_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check("kind" in ('APPLICATION_RECEIVED', 'APPLICATION_STATUS_CHANGED', 'INVITATION_RECEIVED', 'INVITATION_ANSWERED', 'OFFER_EXPIRING', 'OFFER_FILLED', 'OFFER_EXPIRED', 'SAVED_SEARCH_DIGEST', 'RETENTION_WARNING', 'MENTOR_ASSIGNED'));`);
  }

}
