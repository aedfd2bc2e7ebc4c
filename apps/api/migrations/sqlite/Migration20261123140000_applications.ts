import { Migration } from '@mikro-orm/migrations';

// Hand-trimmed: MikroORM's SQLite diff also proposed rebuilding unchanged tables (it misreads
// their check constraints). SQLite needs a default to add a NOT NULL column to existing rows.
export class Migration20261123140000_applications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`applications\` (\`id\` text not null, \`offer_id\` text not null, \`candidate_id\` text null, \`status\` text check (\`status\` in ('SUBMITTED', 'IN_REVIEW', 'INTERVIEW', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN')) not null default 'SUBMITTED', \`message\` text not null default '', \`answers\` json not null, \`rejection_reason\` text check (\`rejection_reason\` in ('SKILLS_MISMATCH', 'EXPERIENCE_MISMATCH', 'AVAILABILITY_MISMATCH', 'LOCATION_MISMATCH', 'POSITION_FILLED', 'NO_RESPONSE', 'OTHER')) null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`version\` integer not null default 1, constraint \`applications_offer_id_foreign\` foreign key(\`offer_id\`) references \`offers\`(\`id\`) on delete cascade on update cascade, constraint \`applications_candidate_id_foreign\` foreign key(\`candidate_id\`) references \`candidates\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`applications_offer_id_index\` on \`applications\` (\`offer_id\`);`);
    this.addSql(`create index \`applications_candidate_id_index\` on \`applications\` (\`candidate_id\`);`);
    this.addSql(`create index \`applications_offer_id_status_index\` on \`applications\` (\`offer_id\`, \`status\`);`);
    this.addSql(`create unique index \`applications_candidate_id_offer_id_unique\` on \`applications\` (\`candidate_id\`, \`offer_id\`);`);
    this.addSql(`create table \`invitations\` (\`id\` text not null, \`offer_id\` text not null, \`organization_id\` text not null, \`candidate_id\` text not null, \`invited_by_id\` text null, \`message\` text not null default '', \`status\` text check (\`status\` in ('PENDING', 'ACCEPTED', 'DECLINED')) not null default 'PENDING', \`application_id\` text null, \`created_at\` datetime not null, \`answered_at\` datetime null, \`version\` integer not null default 1, constraint \`invitations_offer_id_foreign\` foreign key(\`offer_id\`) references \`offers\`(\`id\`) on delete cascade on update cascade, constraint \`invitations_organization_id_foreign\` foreign key(\`organization_id\`) references \`organizations\`(\`id\`) on delete cascade on update cascade, constraint \`invitations_candidate_id_foreign\` foreign key(\`candidate_id\`) references \`candidates\`(\`id\`) on delete cascade on update cascade, constraint \`invitations_invited_by_id_foreign\` foreign key(\`invited_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, constraint \`invitations_application_id_foreign\` foreign key(\`application_id\`) references \`applications\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`invitations_offer_id_index\` on \`invitations\` (\`offer_id\`);`);
    this.addSql(`create index \`invitations_organization_id_index\` on \`invitations\` (\`organization_id\`);`);
    this.addSql(`create index \`invitations_candidate_id_index\` on \`invitations\` (\`candidate_id\`);`);
    this.addSql(`create index \`invitations_invited_by_id_index\` on \`invitations\` (\`invited_by_id\`);`);
    this.addSql(`create index \`invitations_application_id_index\` on \`invitations\` (\`application_id\`);`);
    this.addSql(`create index \`invitations_candidate_id_created_at_index\` on \`invitations\` (\`candidate_id\`, \`created_at\`);`);
    this.addSql(`create index \`invitations_organization_id_candidate_id_status_index\` on \`invitations\` (\`organization_id\`, \`candidate_id\`, \`status\`);`);
    this.addSql(`create unique index \`invitations_offer_id_candidate_id_unique\` on \`invitations\` (\`offer_id\`, \`candidate_id\`);`);
    this.addSql(`create table \`application_history\` (\`id\` integer not null primary key autoincrement, \`application_id\` text not null, \`status\` text check (\`status\` in ('SUBMITTED', 'IN_REVIEW', 'INTERVIEW', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN')) not null, \`rejection_reason\` text check (\`rejection_reason\` in ('SKILLS_MISMATCH', 'EXPERIENCE_MISMATCH', 'AVAILABILITY_MISMATCH', 'LOCATION_MISMATCH', 'POSITION_FILLED', 'NO_RESPONSE', 'OTHER')) null, \`actor_user_id\` text null, \`actor_role\` text check (\`actor_role\` in ('CANDIDATE', 'EMPLOYER', 'RECRUITER', 'ADMIN')) not null, \`note\` text null, \`at\` datetime not null, constraint \`application_history_application_id_foreign\` foreign key(\`application_id\`) references \`applications\`(\`id\`) on delete cascade on update cascade);`);
    this.addSql(`create index \`application_history_application_id_index\` on \`application_history\` (\`application_id\`);`);
    this.addSql(`alter table \`offers\` add column \`screening_questions\` json not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`invitations\`;`);
    this.addSql(`drop table if exists \`application_history\`;`);
    this.addSql(`drop table if exists \`applications\`;`);
    this.addSql(`alter table \`offers\` drop column \`screening_questions\`;`);
  }

}
