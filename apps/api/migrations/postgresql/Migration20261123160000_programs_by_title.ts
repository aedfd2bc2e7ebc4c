import { Migration } from '@mikro-orm/migrations';

export class Migration20261123160000_programs_by_title extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "programs_title_id_index" on "programs" ("title", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "programs_title_id_index";`);
  }

}
