import { beginImmediately, cacheStatements } from './orm-config';

interface Statement {
  run(...bindings: unknown[]): unknown;
  get(...bindings: unknown[]): unknown;
  all(...bindings: unknown[]): unknown[];
}

interface Db {
  prepare(sql: string): Statement;
  exec(sql: string): void;
}

// The driver the ORM uses for SQLite (it ships no type declarations).
const Database = jest.requireActual<new (file: string) => Db>('better-sqlite3');

describe('SQLite statement cache', () => {
  function open(size?: number) {
    const db = new Database(':memory:');
    const prepare = jest.spyOn(db, 'prepare');
    cacheStatements(db as never, size);
    db.exec('create table t (id integer primary key, big integer)');
    return { db, prepare };
  }

  it('compiles a SQL text once and runs it with new bindings each time', () => {
    const { db, prepare } = open();
    for (let i = 1; i <= 3; i++) db.prepare('insert into t (id, big) values (?, ?)').run(i, i * 10);
    const rows = [1, 2, 3].map((id) => db.prepare('select big from t where id = ?').get(id));
    expect(rows).toEqual([{ big: 10 }, { big: 20 }, { big: 30 }]);
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it('keeps the most recently used statements up to its size', () => {
    const { db, prepare } = open(2);
    const run = (sql: string) => db.prepare(sql).all();
    run('select 1');
    run('select 2');
    run('select 1');
    run('select 3'); // drops `select 2`, the least recently used
    run('select 1');
    expect(prepare).toHaveBeenCalledTimes(3);
    run('select 2');
    expect(prepare).toHaveBeenCalledTimes(4);
  });

  it('gives every reuse the default integer mode back', () => {
    const { db } = open();
    db.prepare('insert into t (id, big) values (1, 9007199254740993)').run();
    const sql = 'select big from t where id = 1';
    (db.prepare(sql) as unknown as { safeIntegers(on: boolean): void }).safeIntegers(true);
    expect(typeof (db.prepare(sql).get() as { big: unknown }).big).toBe('number');
  });

  it('still turns BEGIN into BEGIN IMMEDIATE', () => {
    const { db, prepare } = open();
    beginImmediately(db as never);
    db.prepare('BEGIN;').run();
    db.prepare('COMMIT').run();
    expect(prepare.mock.calls.map((c: unknown[]) => c[0])).toContain('BEGIN IMMEDIATE');
  });
});
