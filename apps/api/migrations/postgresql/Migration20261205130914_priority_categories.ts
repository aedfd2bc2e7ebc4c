import { Migration } from '@mikro-orm/migrations';

export class Migration20261205130914_priority_categories extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "candidates" add column "highest_qualification" text check ("highest_qualification" in ('NONE', 'LEVEL_3', 'LEVEL_4', 'LEVEL_5', 'LEVEL_6', 'LEVEL_7', 'LEVEL_8')) null, add column "lives_in_qpv" boolean null, add column "international_protection" boolean null, add column "situation_before" text check ("situation_before" in ('STUDENT', 'JOB_SEEKER', 'EMPLOYED', 'OTHER')) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "candidates" drop column "highest_qualification", drop column "lives_in_qpv", drop column "international_protection", drop column "situation_before";`);
  }

}
