/** Helpers for the readers' tests: the published samples and byte streams cut in any way. */
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PartnerFeedReader, PartnerOffer, PartnerRecord } from '../partner-offer';

/** The published samples: `$CATALOGUE_DIR/offers/partner-feeds`, `../shared/data` next to the repository by default. */
export const SAMPLES_DIR = path.resolve(__dirname, '../../../../..', process.env.CATALOGUE_DIR || '../shared/data', 'offers/partner-feeds');

export function sampleStream(file: string): AsyncIterable<Uint8Array> {
  return createReadStream(path.join(SAMPLES_DIR, file));
}

export function sampleBytes(file: string): Buffer {
  return readFileSync(path.join(SAMPLES_DIR, file));
}

/** The bytes in chunks of `size` (1 = byte by byte), as a stream does. */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function* fromText(text: string, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  yield* chunked(Buffer.from(text, 'utf8'), size);
}

export async function readAll(reader: PartnerFeedReader, input: AsyncIterable<Uint8Array | string>): Promise<PartnerRecord[]> {
  const records: PartnerRecord[] = [];
  for await (const record of reader.read(input)) records.push(record);
  return records;
}

export function offersOf(records: PartnerRecord[]): PartnerOffer[] {
  return records.flatMap((r) => (r.ok ? [r.offer] : []));
}

export function rejectionsOf(records: PartnerRecord[]) {
  return records.flatMap((r) => (r.ok ? [] : [r.rejection]));
}

/** Text chunks as a stream yields them. */
export async function* fromStrings(parts: string[]): AsyncGenerator<string> {
  yield* parts;
}
