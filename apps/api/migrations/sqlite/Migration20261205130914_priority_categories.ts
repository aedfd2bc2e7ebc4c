import { Migration } from '@mikro-orm/migrations';

// Hand-trimmed: MikroORM's SQLite diff also proposed rebuilding unchanged tables (it misreads
// their check constraints); only the candidates' four columns are new.
export class Migration20261205130914_priority_categories extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`candidates\` add column \`highest_qualification\` text check (\`highest_qualification\` in ('NONE', 'LEVEL_3', 'LEVEL_4', 'LEVEL_5', 'LEVEL_6', 'LEVEL_7', 'LEVEL_8')) null;`);
    this.addSql(`alter table \`candidates\` add column \`lives_in_qpv\` integer null;`);
    this.addSql(`alter table \`candidates\` add column \`international_protection\` integer null;`);
    this.addSql(`alter table \`candidates\` add column \`situation_before\` text check (\`situation_before\` in ('STUDENT', 'JOB_SEEKER', 'EMPLOYED', 'OTHER')) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`candidates\` drop column \`highest_qualification\`;`);
    this.addSql(`alter table \`candidates\` drop column \`lives_in_qpv\`;`);
    this.addSql(`alter table \`candidates\` drop column \`international_protection\`;`);
    this.addSql(`alter table \`candidates\` drop column \`situation_before\`;`);
  }

}
