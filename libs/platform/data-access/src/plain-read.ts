import { EntityKey, EntityManager, EntityMetadata, EntityName, FilterQuery, Platform, QueryOrderMap, ReferenceKind, Utils } from '@mikro-orm/core';

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

interface RawQuery extends PromiseLike<unknown> {
  transacting(trx: unknown): RawQuery;
}

interface KnexClient {
  dialect?: string;
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

interface KnexLike {
  client: KnexClient;
  raw(sql: string, bindings: readonly unknown[]): RawQuery;
  (table: string): { select(column: string): { whereIn(column: string, values: readonly unknown[]): { toSQL(): { sql: string } } } };
}

/** The parts of a better-sqlite3 connection a direct read uses. */
interface SqliteConnection {
  open: boolean;
  inTransaction: boolean;
  prepare(sql: string): { reader: boolean; all(bindings: readonly unknown[]): unknown[] };
}

function isSqliteConnection(connection: unknown): connection is SqliteConnection {
  const c = connection as Partial<SqliteConnection> | null;
  return !!c && typeof c.prepare === 'function' && typeof c.inTransaction === 'boolean' && typeof c.open === 'boolean';
}

/** Each SQLite pool's one connection (null: not SQLite), found once and found again if the pool replaced it. */
const sqliteConnections = new WeakMap<KnexClient, SqliteConnection | null>();

async function sqliteConnectionOf(client: KnexClient): Promise<SqliteConnection | null> {
  const known = sqliteConnections.get(client);
  if (known === null || known?.open) return known;
  if (client.dialect !== 'sqlite3') {
    sqliteConnections.set(client, null);
    return null;
  }
  const connection = await client.acquireConnection();
  await client.releaseConnection(connection);
  const found = isSqliteConnection(connection) ? connection : null;
  sqliteConnections.set(client, found);
  return found;
}

/**
 * On SQLite, rows read from the pool's one connection directly, when no transaction is open on
 * it, instead of through the query builder's runner and pool (several times the cost of a
 * lookup by key). better-sqlite3 runs a statement synchronously, so between the check and the
 * rows nothing else can run on the connection: the read sees committed data only, as one
 * through the pool would. While a transaction is open (another request's, waiting between two
 * statements) the read must wait for it: undefined, and the caller goes through the pool.
 */
async function readIdleSqlite(knex: KnexLike, sql: string, values: readonly unknown[]): Promise<Record<string, unknown>[] | undefined> {
  const connection = await sqliteConnectionOf(knex.client);
  if (!connection || !connection.open || connection.inTransaction) return undefined;
  const statement = connection.prepare(sql);
  return statement.reader ? (statement.all(values) as Record<string, unknown>[]) : undefined;
}

const lookupSql = new Map<string, string>();

/**
 * The rows whose `key` (the primary key by default) is one of `values`, as `findPlain` gives them,
 * in one query with bound parameters: the statement text depends only on the number of values,
 * so the database reuses its plan (the entity manager writes the values into the SQL text).
 * Values must be strings or numbers (keys), as the driver binds them unchanged.
 */
export async function findPlainByKeys<T extends object>(
  em: EntityManager,
  entityName: EntityName<T>,
  values: readonly (string | number)[],
  key?: EntityKey<T>,
): Promise<PlainEntity<T>[]> {
  if (!values.length) return [];
  const meta = em.getMetadata().get<T>(Utils.className(entityName));
  const prop = meta.properties[(key ?? meta.primaryKeys[0]) as EntityKey<T>];
  const knex = (em.getConnection() as unknown as { getKnex(): KnexLike }).getKnex();
  const shape = `${meta.className}.${prop.name}.${values.length}`;
  let sql = lookupSql.get(shape);
  if (!sql) {
    sql = knex(meta.tableName).select('*').whereIn(prop.fieldNames[0], values).toSQL().sql;
    lookupSql.set(shape, sql);
  }
  const trx = em.getTransactionContext();
  let rows = trx ? undefined : await readIdleSqlite(knex, sql, values);
  if (!rows) {
    const query = knex.raw(sql, values);
    const result = await (trx ? query.transacting(trx) : query);
    // PostgreSQL answers { rows }, SQLite the rows.
    rows = (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[];
  }
  const driver = em.getDriver();
  const platform = em.getPlatform();
  return rows.map((row) => toPlain(meta, driver.mapResult(row as never, meta) as Record<string, unknown>, platform));
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
