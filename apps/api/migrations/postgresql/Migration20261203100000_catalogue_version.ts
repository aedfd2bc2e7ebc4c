import { Migration } from '@mikro-orm/migrations';

export class Migration20261203100000_catalogue_version extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "catalogue_imports" ("id" serial primary key, "imported_at" timestamptz not null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "catalogue_imports" cascade;`);
  }

}
