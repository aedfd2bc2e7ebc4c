import 'reflect-metadata';
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { ConfigError, loadConfig } from '@alternance/platform/nest';
import { partnerFeedReaders } from '@alternance/imports/domain';
import { ImportProgress, OfferImporter } from '@alternance/imports/feature';
import { createApp } from '../bootstrap';
import { parseFlags } from './cli-support';

const USAGE = `usage: npm run import:offers -- --source <name> [--partial] [--accept-shrink] <file-or-url>
  sources: ${Object.keys(partnerFeedReaders).join(', ')}
  --partial         the feed lists only some of the source's offers: absences close nothing
  --accept-shrink   the feed is much smaller than the last one on purpose: close what it no longer lists`;

/** Bytes of a file or an http(s) URL, streamed; `total` when the size is known (for the progress bar). */
async function open(location: string): Promise<{ input: AsyncIterable<Uint8Array>; total: number | null; counted: () => number }> {
  let read = 0;
  const count = async function* (source: AsyncIterable<Uint8Array>) {
    for await (const chunk of source) {
      read += chunk.length;
      yield chunk;
    }
  };
  if (/^https?:\/\//i.test(location)) {
    const response = await fetch(location);
    if (!response.ok || !response.body) throw new Error(`${location} answered ${response.status} ${response.statusText}`);
    const length = Number(response.headers.get('content-length'));
    return { input: count(Readable.fromWeb(response.body as never)), total: Number.isFinite(length) && length > 0 ? length : null, counted: () => read };
  }
  const size = statSync(location).size;
  return { input: count(createReadStream(location)), total: size, counted: () => read };
}

/** A progress bar on a terminal, a JSON line per batch otherwise (logs, CI). */
function reporter(total: number | null, counted: () => number): (p: ImportProgress) => void {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  return (p) => {
    const seconds = (Date.now() - started) / 1000;
    if (!tty) {
      process.stderr.write(`${JSON.stringify({ ...p, bytes: counted(), totalBytes: total, seconds: Math.round(seconds * 10) / 10 })}\n`);
      return;
    }
    const share = total ? Math.min(1, counted() / total) : null;
    const width = 30;
    const bar = share === null ? '' : `[${'#'.repeat(Math.round(share * width)).padEnd(width, '.')}] ${(share * 100).toFixed(0).padStart(3)}% `;
    const rate = seconds > 0 ? Math.round(p.read / seconds) : 0;
    process.stderr.write(`\r${bar}${p.read} read, ${p.created} new, ${p.updated} updated, ${p.unchanged} unchanged, ${p.merged} merged, ${p.skipped} skipped, ${p.rejected} rejected (${rate}/s)`);
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const location = args.length && !args[args.length - 1].startsWith('--') && args[args.length - 2] !== '--source' ? args.pop()! : undefined;
  const flags = parseFlags(args);
  const reader = flags.source ? partnerFeedReaders[flags.source] : undefined;
  if (!reader || !location) {
    console.error(flags.source && !reader ? `unknown source "${flags.source}"\n${USAGE}` : USAGE);
    process.exit(2);
  }
  const { input, total, counted } = await open(location);
  const config = { ...loadConfig(), jobsIntervalSeconds: 0 };
  const app = await createApp(config);
  try {
    const run = await app.get(OfferImporter).run({ reader, input, location, complete: flags.partial !== 'true', acceptShrink: flags['accept-shrink'] === 'true', onProgress: reporter(total, counted) });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const { id, source, status, read, created, updated, unchanged, closed, skipped, rejected, flagged, merged, closingSkipped, error } = run;
    console.log(JSON.stringify({ id, source, status, read, created, updated, unchanged, closed, skipped, rejected, flagged, merged, closingSkipped, error }));
    for (const r of run.rejections.slice(0, 10)) console.error(`rejected record ${r.record} (${r.location}): ${r.reason}: ${r.detail}`);
    if (run.status !== 'SUCCEEDED') process.exitCode = 1;
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? `error: ${error.message}` : error);
  process.exit(1);
});
