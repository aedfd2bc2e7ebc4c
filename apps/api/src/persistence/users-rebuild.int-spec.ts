import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { ormOptions } from './orm-config';

const engine = process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';
const BEFORE = 'Migration20261205191000_mentor_role';

// SQLite widens the users' role check by rebuilding the table: the rows that reference users
// (with cascading deletes) must all survive it.
(engine === 'sqlite' ? describe : describe.skip)('rebuilding users on SQLite (MENTOR role)', () => {
  const file = path.join(os.tmpdir(), `alternance-users-rebuild-${process.pid}.sqlite`);
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await MikroORM.init(ormOptions({ driver: 'sqlite', file }));
  });
  afterAll(async () => {
    await orm.close(true);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  });

  it('keeps every row referencing users, and then takes a mentor', async () => {
    const migrator = orm.getMigrator();
    const all = (await migrator.getPendingMigrations()).map((m) => m.name);
    const before = all[all.indexOf(BEFORE) - 1];
    await migrator.up({ to: before });
    const conn = orm.em.getConnection();
    const now = Date.now();
    await conn.execute(`insert into organizations (id, name, country, disability_referent, created_at, updated_at) values ('o1', 'Org', 'FR', 0, ?, ?)`, [now, now]);
    await conn.execute(
      `insert into users (id, email, password_hash, role, display_name, organization_id, created_at, last_active_at) values ('u1', 'c@example.test', 'x', 'CANDIDATE', 'C', null, ?, ?), ('u2', 'e@example.test', 'x', 'EMPLOYER', 'E', 'o1', ?, ?)`,
      [now, now, now, now],
    );
    await conn.execute(`insert into candidates (id, user_id, skills, desired_rome_codes, program_ids, created_at, updated_at) values ('c1', 'u1', '[]', '[]', '[]', ?, ?)`, [now, now]);
    await conn.execute(
      `insert into notifications (id, recipient_id, kind, title, body, subject_type, subject_id, created_at) values ('n1', 'u1', 'RETENTION_WARNING', 't', 'b', 'ACCOUNT', 'u1', ?)`,
      [now],
    );

    await migrator.up();
    expect(await conn.execute(`select count(*) as n from candidates`)).toEqual([{ n: 1 }]);
    expect(await conn.execute(`select count(*) as n from notifications`)).toEqual([{ n: 1 }]);
    expect(await conn.execute(`select id, role, organization_id from users order by id`)).toEqual([
      { id: 'u1', role: 'CANDIDATE', organization_id: null },
      { id: 'u2', role: 'EMPLOYER', organization_id: 'o1' },
    ]);
    expect(await conn.execute(`pragma foreign_keys`)).toEqual([{ foreign_keys: 1 }]);
    expect(await conn.execute(`pragma foreign_key_check`)).toEqual([]);
    const indexes = (await conn.execute<{ name: string }[]>(`select name from sqlite_master where type = 'index' and tbl_name = 'users' and name not like 'sqlite_%' order by name`)).map((r: { name: string }) => r.name);
    expect(indexes).toEqual(['users_email_unique', 'users_last_active_at_index', 'users_organization_id_index']);
    await conn.execute(`insert into users (id, email, password_hash, role, display_name, created_at) values ('u3', 'm@example.test', 'x', 'MENTOR', 'M', ?)`, [now]);
    // references still hold: deleting a user cascades to its candidate profile
    await conn.execute(`delete from users where id = 'u1'`);
    expect(await conn.execute(`select count(*) as n from candidates`)).toEqual([{ n: 0 }]);
  });

  it('refuses to rebuild users with foreign keys on (the plain migrator)', async () => {
    const plain = path.join(os.tmpdir(), `alternance-users-rebuild-plain-${process.pid}.sqlite`);
    const options = ormOptions({ driver: 'sqlite', file: plain });
    const other = await MikroORM.init({ ...options, extensions: [Migrator] });
    try {
      await expect(other.getMigrator().up()).rejects.toThrow(/needs foreign keys off/);
    } finally {
      await other.close(true);
      for (const suffix of ['', '-wal', '-shm']) rmSync(plain + suffix, { force: true });
    }
  });
});
