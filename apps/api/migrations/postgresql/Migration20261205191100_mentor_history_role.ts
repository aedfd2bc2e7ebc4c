import { Migration } from '@mikro-orm/migrations';

// Written by hand: the history's actor role takes the MENTOR role too.
export class Migration20261205191100_mentor_history_role extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "application_history" drop constraint if exists "application_history_actor_role_check";`);
    this.addSql(`alter table "application_history" add constraint "application_history_actor_role_check" check("actor_role" in ('CANDIDATE', 'EMPLOYER', 'RECRUITER', 'ADMIN', 'MENTOR'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "application_history" drop constraint if exists "application_history_actor_role_check";`);
    this.addSql(`alter table "application_history" add constraint "application_history_actor_role_check" check("actor_role" in ('CANDIDATE', 'EMPLOYER', 'RECRUITER', 'ADMIN'));`);
  }

}
