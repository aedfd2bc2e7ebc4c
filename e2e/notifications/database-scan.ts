import { TestApp, engine } from '../support/test-app';

export interface Found {
  table: string;
  column: string;
  term: string;
}

const quote = (name: string) => (engine === 'sqlite' ? `\`${name}\`` : `"${name}"`);

/** Every table and column of the database, read from its catalogue (not from the entities). */
async function columns(t: TestApp): Promise<Map<string, string[]>> {
  const conn = t.orm.em.getConnection();
  const byTable = new Map<string, string[]>();
  if (engine === 'sqlite') {
    const tables = await conn.execute<{ name: string }[]>(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`);
    for (const { name } of tables) {
      const cols = await conn.execute<{ name: string }[]>(`pragma table_info(${quote(name)})`);
      byTable.set(name, cols.map((c: { name: string }) => c.name));
    }
  } else {
    const rows = await conn.execute<{ table_name: string; column_name: string }[]>(
      `select table_name, column_name from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
    );
    for (const r of rows) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
  }
  return byTable;
}

/** Where any of the terms occurs, as text, in any column of any table. */
export async function scanDatabase(t: TestApp, terms: string[]): Promise<{ found: Found[]; tables: number }> {
  const conn = t.orm.em.getConnection();
  const found: Found[] = [];
  const all = await columns(t);
  for (const [table, cols] of all) {
    const test = (col: string) => terms.map(() => `cast(${quote(col)} as text) like ?`).join(' or ');
    const params = (n: number) => Array.from({ length: n }, () => terms.map((term) => `%${term}%`)).flat();
    const [{ n }] = await conn.execute<{ n: number | string }[]>(`select count(*) as n from ${quote(table)} where ${cols.map((c) => `(${test(c)})`).join(' or ')}`, params(cols.length));
    if (Number(n) === 0) continue;
    for (const column of cols) {
      for (const term of terms) {
        const [{ n: hits }] = await conn.execute<{ n: number | string }[]>(`select count(*) as n from ${quote(table)} where cast(${quote(column)} as text) like ?`, [`%${term}%`]);
        if (Number(hits) > 0) found.push({ table, column, term });
      }
    }
  }
  return { found, tables: all.size };
}
