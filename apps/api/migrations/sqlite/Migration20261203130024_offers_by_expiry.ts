import { Migration } from '@mikro-orm/migrations';

export class Migration20261203130024_offers_by_expiry extends Migration {

  override async up(): Promise<void> {
    this.addSql('create index `offers_status_expires_at_id_index` on `offers` (`status`, `expires_at`, `id`);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index `offers_status_expires_at_id_index`;');
  }

}
