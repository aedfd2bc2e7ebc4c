import { createHash } from 'node:crypto';
import { EntityManager, MikroORM } from '@mikro-orm/core';

export type LeaseOutcome<T> = { acquired: true; value: T } | { acquired: false };

/**
 * Exclusive right to do one piece of shared work (apply the outbox to a shared index, run a
 * scheduled job) among every process on the same database. A process without it does nothing
 * and tries again later: a hot standby.
 */
export interface Lease {
  readonly name: string;
  /** Runs `work` while holding the lease, or returns `{ acquired: false }` at once when another process holds it. */
  run<T>(work: () => Promise<T>): Promise<LeaseOutcome<T>>;
}

/** The first key of every lease's advisory lock, so they never collide with other users of advisory locks. */
const LOCK_NAMESPACE = 0x616c7465; // "alte"

/** A stable 32-bit key for a lease name. */
export function leaseKey(name: string): number {
  return createHash('sha256').update(name).digest().readInt32BE(0);
}

/**
 * PostgreSQL: a transaction-level advisory lock (`pg_try_advisory_xact_lock`) held by a
 * transaction opened for the duration of the work. It is released when the work ends, and also
 * when the process or its connection dies (the server rolls the transaction back), so a crashed
 * holder never blocks the others. The transaction itself writes nothing: the work uses its own
 * connections. A server `idle_in_transaction_session_timeout` shorter than the longest work
 * would cut the lease early.
 */
export class AdvisoryLease implements Lease {
  private readonly key: number;

  constructor(
    private readonly orm: MikroORM,
    readonly name: string,
  ) {
    this.key = leaseKey(name);
  }

  async run<T>(work: () => Promise<T>): Promise<LeaseOutcome<T>> {
    return this.orm.em.fork().transactional(async (tx: EntityManager): Promise<LeaseOutcome<T>> => {
      const rows: { acquired: boolean }[] = await tx
        .getConnection()
        .execute('select pg_try_advisory_xact_lock(cast(? as integer), cast(? as integer)) as acquired', [LOCK_NAMESPACE, this.key], 'all', tx.getTransactionContext());
      if (!rows[0]?.acquired) return { acquired: false };
      return { acquired: true, value: await work() };
    });
  }
}

/** Always granted: the work is not shared (a process's own embedded index) or there is one process (SQLite). */
export class LocalLease implements Lease {
  constructor(readonly name: string) {}

  async run<T>(work: () => Promise<T>): Promise<LeaseOutcome<T>> {
    return { acquired: true, value: await work() };
  }
}

/**
 * The lease for `name` on this database: an advisory lock on PostgreSQL. SQLite is one file
 * for one host, whose single connection a lease transaction would block, so there the lease is
 * always granted (run a single worker against a SQLite file).
 */
export function leaseFor(orm: MikroORM, name: string): Lease {
  return orm.config.get('driver')?.name === 'PostgreSqlDriver' ? new AdvisoryLease(orm, name) : new LocalLease(name);
}
