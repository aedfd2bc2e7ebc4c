import { Migration } from '@mikro-orm/migrations';

// Hand-trimmed: MikroORM's SQLite diff also proposed rebuilding unchanged tables (it misreads
// their check constraints); only the outbox tables are new.
export class Migration20261123112244_outbox extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`outbox_events\` (\`id\` integer not null primary key autoincrement, \`aggregate_type\` text check (\`aggregate_type\` in ('OFFER', 'CANDIDATE', 'ORGANIZATION')) not null, \`aggregate_id\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`outbox_events_aggregate_type_aggregate_id_index\` on \`outbox_events\` (\`aggregate_type\`, \`aggregate_id\`);`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`outbox_events\`;`);
  }

}
