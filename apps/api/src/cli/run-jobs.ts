import 'reflect-metadata';
import { ConfigError, loadConfig } from '@alternance/platform/nest';
import { JobRunner } from '@alternance/notifications/feature';
import { ImportScheduler } from '@alternance/imports/feature';
import { createApp } from '../bootstrap';

/**
 * Runs the scheduled jobs once (offer expiry, saved-search digests, retention, mail, the partner feeds due) and
 * exits: for cron, with JOBS_INTERVAL_SECONDS=0 on the API. Every job is idempotent, so it
 * may also run beside an API that runs them itself.
 */
async function main(): Promise<void> {
  const config = { ...loadConfig(), jobsIntervalSeconds: 0 };
  const app = await createApp(config);
  try {
    const reports = await app.get(JobRunner).runOnce();
    for (const r of reports) console.log(`${r.job}: ${r.skipped ? 'skipped (running in another process)' : r.ok ? JSON.stringify(r.result) : `FAILED ${r.error}`} (${r.ms} ms)`);
    // The partner feeds (IMPORT_FEEDS) that are due.
    const imports = await app.get(ImportScheduler).runDue();
    for (const r of imports) console.log(`import ${r.source}: ${r.skipped ?? r.error ?? `${r.status} (run ${r.runId})`}`);
    if (reports.some((r) => !r.ok) || imports.some((r) => r.error || (r.status && r.status !== 'SUCCEEDED'))) process.exitCode = 1;
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? `error: ${error.message}` : error);
  process.exit(1);
});
