import { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { AdvisoryLease, LocalLease, leaseFor, leaseKey } from './lease';

const engine = process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';

async function open(): Promise<MikroORM> {
  const common = { entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: true };
  return engine === 'postgresql'
    ? MikroORM.init({ ...common, driver: PostgreSqlDriver, clientUrl: process.env.TEST_DB_TEMPLATE! })
    : MikroORM.init({ ...common, driver: BetterSqliteDriver, dbName: ':memory:' });
}

describe(`leases (${engine})`, () => {
  const orms: MikroORM[] = [];
  afterEach(async () => {
    await Promise.all(orms.splice(0).map((orm) => orm.close(true)));
  });
  const connect = async () => {
    const orm = await open();
    orms.push(orm);
    return orm;
  };

  if (engine === 'sqlite') {
    it('is always granted on SQLite: one file, one host, a single connection', async () => {
      const lease = leaseFor(await connect(), 'job:mail');
      expect(lease).toBeInstanceOf(LocalLease);
      expect(await lease.run(async () => 42)).toEqual({ acquired: true, value: 42 });
    });
    return;
  }

  it('lets one process at a time do the work; the others are refused at once, and take it once it is free', async () => {
    const [one, two] = [await connect(), await connect()];
    const first = leaseFor(one, 'job:mail');
    const second = leaseFor(two, 'job:mail');
    expect(first).toBeInstanceOf(AdvisoryLease);

    let release!: () => void;
    const held = first.run(() => new Promise<string>((resolve) => (release = () => resolve('done'))));
    while (!release) await new Promise((r) => setTimeout(r, 5));
    // The first transaction has the lock once its work started.
    await new Promise((r) => setTimeout(r, 50));
    expect(await second.run(async () => 'twice')).toEqual({ acquired: false });
    // Another name is another lease.
    expect(await leaseFor(two, 'job:retention').run(async () => 'other')).toEqual({ acquired: true, value: 'other' });

    release();
    expect(await held).toEqual({ acquired: true, value: 'done' });
    expect(await second.run(async () => 'now')).toEqual({ acquired: true, value: 'now' });
  });

  it('is released when the work fails, and when the holder dies', async () => {
    const [one, two] = [await connect(), await connect()];
    await expect(leaseFor(one, 'job:expiry').run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await leaseFor(two, 'job:expiry').run(async () => 1)).toEqual({ acquired: true, value: 1 });

    // A holder whose connection is cut (a crashed process): the server drops its lock.
    let started = false;
    const held = leaseFor(one, 'job:expiry').run(async () => {
      started = true;
      await new Promise((r) => setTimeout(r, 400));
    });
    while (!started) await new Promise((r) => setTimeout(r, 5));
    await two.em.getConnection().execute(
`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objsubid = 2 and objid = ? and pid <> pg_backend_pid()`, [
        new Uint32Array([leaseKey('job:expiry')])[0],
      ]);
    await expect(held).rejects.toThrow();
    expect(await leaseFor(two, 'job:expiry').run(async () => 2)).toEqual({ acquired: true, value: 2 });
  });
});
