import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { leaseFor } from '@alternance/platform/data-access';
import { loadConfig } from '@alternance/platform/nest';
import { Worker, startWorker, workerJobs } from './worker';

const engine = process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';

describe(`worker process (${engine})`, () => {
  let dir: string;
  let worker: Worker | undefined;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'alternance-worker-'));
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  function config(extra: Record<string, string> = {}) {
    let databaseUrl = process.env.TEST_DB_TEMPLATE!;
    if (engine === 'sqlite') {
      const file = path.join(dir, 'worker.sqlite');
      copyFileSync(process.env.TEST_DB_TEMPLATE!, file);
      databaseUrl = `sqlite:${file}`;
    }
    return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dir, DATABASE_URL: databaseUrl, WORKER_PORT: '0', JOBS_INTERVAL_SECONDS: '3600', ...extra });
  }

  it('runs the jobs without a GraphQL server, answers its health probes, and stops cleanly', async () => {
    worker = await startWorker(config());
    // Embedded engine: no relay for others, the jobs only (with the worker's own index copy).
    expect(worker.plan).toMatchObject({ relay: 'own-index', jobs: true });
    expect(worker.plan.config.search).toEqual({ engine: 'embedded', dir: path.join(dir, 'search-worker') });

    const live = await fetch(`${worker.url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${worker.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'up', search: 'up' } });
    expect((await fetch(`${worker.url}/graphql`, { method: 'POST' })).status).toBe(404);

    const reports = await workerJobs(worker).runOnce();
    expect(reports.map((r) => [r.job, r.ok, r.skipped ?? false])).toEqual([
      ['offerExpiry', true, false],
      ['savedSearchAlerts', true, false],
      ['retention', true, false],
      ['outcomeFollowUp', true, false],
      ['mail', true, false],
    ]);

    const closing = worker.close();
    worker = undefined;
    await closing;
  });

  it('refuses to start with nothing to run', async () => {
    await expect(startWorker(config({ JOBS_INTERVAL_SECONDS: '0' }))).rejects.toThrow(/^Configuration error in JOBS_INTERVAL_SECONDS: the worker has nothing to run/);
  });

  (engine === 'postgresql' ? it : it.skip)('leaves a job alone while another process runs it (PostgreSQL lease; SQLite has one process)', async () => {
    worker = await startWorker(config());
    const other = await MikroORM.init({ ...(await import('@alternance/api')).ormOptions({ driver: 'postgresql', url: process.env.TEST_DB_TEMPLATE! }), allowGlobalContext: true });
    try {
      let release!: () => void;
      const held = leaseFor(other, 'job:mail').run(() => new Promise<void>((resolve) => (release = resolve)));
      while (!release) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 50));
      const reports = await workerJobs(worker).runOnce();
      expect(reports.find((r) => r.job === 'mail')).toMatchObject({ ok: true, skipped: true });
      expect(reports.filter((r) => r.skipped).map((r) => r.job)).toEqual(['mail']);
      release();
      await held;
      expect((await workerJobs(worker).runOnce()).find((r) => r.job === 'mail')).toMatchObject({ ok: true });
      expect((await workerJobs(worker).runOnce()).some((r) => r.skipped)).toBe(false);
    } finally {
      await other.close(true);
    }
  });
});
