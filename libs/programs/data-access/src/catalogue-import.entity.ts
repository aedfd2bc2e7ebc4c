import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row per program import, written in the import's own transaction: the catalogue's version.
 * Processes that keep the catalogue in memory compare it (a read of this tiny table) to learn
 * that another process (`npm run import`, another subgraph) changed the programs.
 */
@Entity({ tableName: 'catalogue_imports' })
export class CatalogueImportEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'Date' })
  importedAt: Date = new Date();
}
