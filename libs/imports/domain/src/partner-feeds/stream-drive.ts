/**
 * Feeds text chunks through a chain of Node transform streams (stream-json, csv-parse) and yields
 * what the last one emits, chunk by chunk. Unlike iterating the last stream, every item emitted
 * before a parse error is yielded before the error is reported, and nothing is read ahead: one
 * input chunk is in flight at a time, so memory stays bounded by a chunk and its records.
 */
import type { Duplex } from 'node:stream';

export type Driven<T> = { item: T } | { error: Error };

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function* driveStreams<T>(chunks: AsyncIterable<string>, stages: Duplex[]): AsyncGenerator<Driven<T>> {
  for (let i = 0; i < stages.length - 1; i++) stages[i].pipe(stages[i + 1]);
  const first = stages[0];
  const last = stages[stages.length - 1];
  const queue: T[] = [];
  let error: Error | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  for (const stage of stages) {
    stage.on('error', (err: Error) => {
      error ??= err;
      signal();
    });
  }
  last.on('data', (item: T) => queue.push(item));
  last.on('end', () => {
    ended = true;
    signal();
  });
  try {
    for await (const chunk of chunks) {
      first.write(chunk);
      await nextTurn();
      while (queue.length) yield { item: queue.shift()! };
      if (error) break;
    }
    if (!error) {
      first.end();
      while (!ended && !error) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          if (ended || error) signal();
        });
        while (queue.length) yield { item: queue.shift()! };
      }
    }
  } catch (err) {
    error ??= err instanceof Error ? err : new Error(String(err));
  }
  while (queue.length) yield { item: queue.shift()! };
  if (error) {
    for (const stage of stages) stage.destroy();
    yield { error };
  }
}
