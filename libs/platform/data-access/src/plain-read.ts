import { EntityManager, EntityMetadata, EntityName, FilterQuery, Platform, QueryOrderMap, ReferenceKind, Utils } from '@mikro-orm/core';

/**
 * What a read without the unit of work gives: the entity's properties as plain data (no methods,
 * no hooks, not managed). A many-to-one reference is `{ id }`, as an unloaded reference reads.
 */
export type PlainEntity<T> = { readonly [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };

export interface PlainReadOptions<T> {
  orderBy?: QueryOrderMap<T>;
  limit?: number;
  offset?: number;
}

/**
 * Rows read for display only: the driver's query and result mapping, then the custom types (JSON)
 * converted, without the entity manager's per-query work (identity map, change tracking, flush
 * checks, populate). On a lookup by key that work costs several times the query itself. Reads
 * inside the request's transaction when there is one. The results must not be changed or persisted:
 * load entities with the entity manager for any write.
 */
export async function findPlain<T extends object>(
  em: EntityManager,
  entityName: EntityName<T>,
  where: FilterQuery<T>,
  options: PlainReadOptions<T> = {},
): Promise<PlainEntity<T>[]> {
  const meta = em.getMetadata().get<T>(Utils.className(entityName));
  const rows = await em.getDriver().find<T>(meta.className, where as never, { ...options, ctx: em.getTransactionContext() } as never);
  const platform = em.getPlatform();
  return rows.map((row) => toPlain(meta, row as Record<string, unknown>, platform));
}

/** One row, or null. */
export async function findOnePlain<T extends object>(em: EntityManager, entityName: EntityName<T>, where: FilterQuery<T>): Promise<PlainEntity<T> | null> {
  return (await findPlain(em, entityName, where, { limit: 1 }))[0] ?? null;
}

/** How many rows match, without the entity manager's per-query work. */
export function countPlain<T extends object>(em: EntityManager, entityName: EntityName<T>, where: FilterQuery<T>): Promise<number> {
  return em.getDriver().count<T>(Utils.className(entityName), where as never, { ctx: em.getTransactionContext() } as never);
}

function toPlain<T>(meta: EntityMetadata<T>, row: Record<string, unknown>, platform: Platform): PlainEntity<T> {
  for (const prop of meta.props) {
    const value = row[prop.name];
    if (value == null) continue;
    if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) {
      if (typeof value !== 'object') row[prop.name] = { id: value };
    } else if (prop.kind === ReferenceKind.SCALAR && prop.customType) {
      row[prop.name] = prop.customType.convertToJSValue(value, platform);
    }
  }
  return row as PlainEntity<T>;
}
