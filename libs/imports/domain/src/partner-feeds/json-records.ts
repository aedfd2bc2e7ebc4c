/**
 * Streams the offers of a JSON feed one at a time with stream-json: the elements of the root
 * array, of an array under a key of the root object (`{"ads": [...]}`), or a single root object
 * when the feed holds one offer. Only the element being read is assembled in memory.
 */
import type { Duplex } from 'node:stream';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/Pick';
import { streamArray } from 'stream-json/streamers/StreamArray';
import { streamValues } from 'stream-json/streamers/StreamValues';
import { decodeChunks } from './feed-text';
import { driveStreams } from './stream-drive';

const MAX_RECORD_CHARS = 4_000_000;

export type JsonRecordEvent = { kind: 'record'; value: unknown; path: string } | { kind: 'malformed'; path: string; detail: string };

export interface JsonRecordOptions {
  /** The key of the root object holding the array of offers (`ads`); without it the root is the array. */
  arrayKey?: string;
  /** Whether a root object (not an array) is itself one offer. */
  singleObject?: boolean;
}

/** The first non-blank character of a text stream, and the same stream from its start. */
async function peek(chunks: AsyncIterable<string>): Promise<{ first: string | null; all: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: string[] = [];
  let first: string | null = null;
  let done = false;
  while (first === null) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    const m = /\S/.exec(next.value);
    if (m) first = m[0];
  }
  async function* all(): AsyncGenerator<string> {
    yield* seen;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { first, all: all() };
}

export async function* jsonRecords(input: AsyncIterable<Uint8Array | string>, options: JsonRecordOptions = {}): AsyncGenerator<JsonRecordEvent> {
  let peeked: Awaited<ReturnType<typeof peek>>;
  try {
    peeked = await peek(decodeChunks(input));
  } catch (err) {
    yield { kind: 'malformed', path: '$', detail: err instanceof Error ? err.message : String(err) };
    return;
  }
  const { first, all } = peeked;
  if (first === null) {
    yield { kind: 'malformed', path: '$', detail: 'the feed is empty' };
    return;
  }
  const single = first === '{' && options.singleObject === true;
  const nested = first === '{' && !single && options.arrayKey !== undefined;
  const arrayPath = nested ? `$.${options.arrayKey}` : '$';
  if (first !== '[' && !single && !nested) {
    yield { kind: 'malformed', path: '$', detail: `expected ${options.arrayKey ? `an array or an object with "${options.arrayKey}"` : 'an array'}, found "${first}"` };
    return;
  }
  const stages: Duplex[] = [parser(), ...(nested ? [pick({ filter: options.arrayKey! })] : []), single ? streamValues() : streamArray()];
  let lastIndex = -1;
  // Characters read since the last offer: an element larger than the limit is no offer, and
  // assembling it would hold it whole in memory, so the reading stops there (fatal).
  let sinceLast = 0;
  let tooLarge = false;
  async function* counted(): AsyncGenerator<string> {
    for await (const chunk of all) {
      sinceLast += chunk.length;
      if (sinceLast > MAX_RECORD_CHARS) {
        tooLarge = true;
        return;
      }
      yield chunk;
    }
  }
  for await (const driven of driveStreams<{ key: number; value: unknown }>(counted(), stages)) {
    if (tooLarge) break;
    if ('error' in driven) {
      yield { kind: 'malformed', path: single ? '$' : `${arrayPath}[${lastIndex + 1}]`, detail: driven.error.message };
      return;
    }
    lastIndex = driven.item.key;
    sinceLast = 0;
    yield { kind: 'record', value: driven.item.value, path: single ? '$' : `${arrayPath}[${driven.item.key}]` };
  }
  if (tooLarge) {
    yield { kind: 'malformed', path: single ? '$' : `${arrayPath}[${lastIndex + 1}]`, detail: `a record larger than ${MAX_RECORD_CHARS.toLocaleString('en')} characters` };
  }
}
