import type { EntityManager } from '@mikro-orm/core';
import { CatalogueImportEntity } from './catalogue-import.entity';

/** Records an import: call it inside the transaction that writes the programs, so both commit together. */
export async function recordCatalogueImport(tx: EntityManager, importedAt: Date = new Date()): Promise<void> {
  await tx.insert(CatalogueImportEntity, { importedAt });
}

/**
 * The catalogue's version: changes whenever an import commits. The count catches an import
 * that took its id before another but committed after it (ids come from a sequence, in insert
 * order, not commit order); the highest id catches old rows deleted and new ones added.
 */
export async function readCatalogueVersion(em: EntityManager): Promise<string> {
  const [row] = await em
    .getConnection()
    .execute<{ imports: number | string; latest: number | string | null }[]>(
      'select count(*) as imports, max(id) as latest from catalogue_imports',
      [],
      'all',
      em.getTransactionContext(),
    );
  // PostgreSQL answers count(*) as a bigint string, SQLite as a number.
  return `${Number(row?.latest ?? 0)}/${Number(row?.imports ?? 0)}`;
}

type ImportListener = () => void;
const listeners = new Set<ImportListener>();

/**
 * Imports in this process are announced at once: the catalogues of this process need not wait
 * for their next version check. Returns the function that stops listening.
 */
export function onCatalogueImported(listener: ImportListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Call after the import's transaction committed: a reload before the commit would read the old rows. */
export function announceCatalogueImport(): void {
  for (const listener of listeners) listener();
}
