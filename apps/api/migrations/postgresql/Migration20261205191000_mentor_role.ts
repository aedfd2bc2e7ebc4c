import { Migration } from '@mikro-orm/migrations';

// Written by hand: the MENTOR role widens the users' role check; staff may be trained
// disability referents.
export class Migration20261205191000_mentor_role extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "users" drop constraint if exists "users_role_check";`);
    this.addSql(`alter table "users" add constraint "users_role_check" check ("role" in ('CANDIDATE', 'EMPLOYER', 'RECRUITER', 'ADMIN', 'MENTOR'));`);
    this.addSql(`alter table "users" add column "disability_referent_trained_at" varchar(10) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "users" where "role" = 'MENTOR';`);
    this.addSql(`alter table "users" drop constraint if exists "users_role_check";`);
    this.addSql(`alter table "users" add constraint "users_role_check" check ("role" in ('CANDIDATE', 'EMPLOYER', 'RECRUITER', 'ADMIN'));`);
    this.addSql(`alter table "users" drop column "disability_referent_trained_at";`);
  }

}
