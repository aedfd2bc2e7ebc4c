import { RoaringBitmap32 } from 'roaring';
import { endianness } from 'node:os';
import type { IndexSettings } from '@alternance/search/domain';

/**
 * Binary snapshot of an engine: everything the index needs, so that loading is copying
 * typed arrays and deserialising bitmaps (CRoaring's portable format), with no tokenising
 * and no typo-dictionary build. Typed arrays are stored in the machine's byte order, which
 * the header records: a snapshot is a cache of the index, rebuilt from the database when it
 * does not load.
 */

const MAGIC = 'ALTSRCH1';
const VERSION = 1;
/** The largest copy done in one step. */
const COPY_PIECE = 1 << 20;

export interface SnapshotData {
  settings: IndexSettings;
  ids: (string | null)[];
  documentBytes: Buffer;
  documentStarts: Uint32Array;
  documentLengths: Uint32Array;
  terms: string[];
  sortedTerms: Uint32Array;
  postings: Iterable<[number, RoaringBitmap32]>;
  typoKeys: Float64Array;
  forwardArena: Uint32Array;
  forwardStarts: Uint32Array;
  forwardLengths: Uint32Array;
  facets: { field: string; values: [string, RoaringBitmap32][] }[];
  numeric: { field: string; values: Float64Array }[];
  geo: { lat: Float64Array; lng: Float64Array } | null;
  alive: RoaringBitmap32;
}

export interface LoadedSnapshot extends Omit<SnapshotData, 'postings' | 'facets'> {
  postings: Map<number, RoaringBitmap32>;
  facets: { field: string; values: Map<string, RoaringBitmap32> }[];
}

interface Header {
  settings: IndexSettings;
  ids: (string | null)[];
  terms: string[];
  facets: { field: string; keys: string[] }[];
  numeric: string[];
  geo: boolean;
}

export function encodeSnapshot(data: SnapshotData): Buffer {
  const steps = snapshotSteps(data);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `encodeSnapshot` in slices of about `sliceMs` of CPU, handing the event loop back between
 * them (a snapshot of 100,000 offers takes a few hundred milliseconds to encode: in one piece it
 * would hold every request that long). The bytes are the same. The data must not change until
 * the promise settles: the sizes are taken before the bytes are written.
 */
export async function encodeSnapshotInSteps(data: SnapshotData, sliceMs = 4, pause: () => Promise<void> = nextTurn): Promise<Buffer> {
  const steps = snapshotSteps(data);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The encoder as steps: it yields wherever it may be paused. */
function* snapshotSteps(data: SnapshotData): Generator<void, Buffer, void> {
  // After the caller gathered the data; the header (every id and term, megabytes of JSON) is the largest step.
  yield;
  const out = new Writer();
  out.bytes(Buffer.from(MAGIC, 'latin1'));
  out.u32(VERSION);
  out.u32(endianness() === 'LE' ? 1 : 2);
  const header: Header = {
    settings: data.settings,
    ids: data.ids,
    terms: data.terms,
    facets: data.facets.map((f) => ({ field: f.field, keys: f.values.map(([key]) => key) })),
    numeric: data.numeric.map((n) => n.field),
    geo: data.geo !== null,
  };
  const json = JSON.stringify(header);
  yield;
  out.blob(Buffer.from(json));
  yield;
  out.blob(data.documentBytes);
  out.typed(data.documentStarts);
  out.typed(data.documentLengths);
  out.typed(data.sortedTerms);
  yield* out.bitmaps(data.postings);
  out.typed(data.typoKeys);
  out.typed(data.forwardArena);
  out.typed(data.forwardStarts);
  out.typed(data.forwardLengths);
  for (const facet of data.facets) yield* out.bitmaps(facet.values.map(([, bitmap], i) => [i, bitmap]));
  for (const column of data.numeric) out.typed(column.values);
  if (data.geo) {
    out.typed(data.geo.lat);
    out.typed(data.geo.lng);
  }
  yield* out.bitmaps([[0, data.alive]]);
  return yield* out.finish();
}

export function decodeSnapshot(buffer: Buffer): LoadedSnapshot {
  const input = new Reader(buffer);
  if (input.bytes(MAGIC.length).toString('latin1') !== MAGIC) throw new Error('not a search engine snapshot');
  const version = input.u32();
  if (version !== VERSION) throw new Error(`unsupported snapshot version ${version}`);
  if (input.u32() !== (endianness() === 'LE' ? 1 : 2)) throw new Error('snapshot written on a machine of another byte order');
  const header = JSON.parse(input.blob().toString('utf8')) as Header;
  const documentBytes = input.blob();
  const documentStarts = input.typed(Uint32Array);
  const documentLengths = input.typed(Uint32Array);
  const sortedTerms = input.typed(Uint32Array);
  const postings = input.bitmaps();
  const typoKeys = input.typed(Float64Array);
  const forwardArena = input.typed(Uint32Array);
  const forwardStarts = input.typed(Uint32Array);
  const forwardLengths = input.typed(Uint32Array);
  const facets = header.facets.map(({ field, keys }) => {
    const bitmaps = input.bitmaps();
    return { field, values: new Map(keys.map((key, i) => [key, bitmaps.get(i) ?? new RoaringBitmap32()])) };
  });
  const numeric = header.numeric.map((field) => ({ field, values: input.typed(Float64Array) }));
  const geo = header.geo ? { lat: input.typed(Float64Array), lng: input.typed(Float64Array) } : null;
  const alive = input.bitmaps().get(0) ?? new RoaringBitmap32();
  return {
    settings: header.settings,
    ids: header.ids,
    terms: header.terms,
    documentBytes,
    documentStarts,
    documentLengths,
    sortedTerms,
    postings,
    typoKeys,
    forwardArena,
    forwardStarts,
    forwardLengths,
    facets,
    numeric,
    geo,
    alive,
  };
}

type TypedArray = Uint32Array | Float64Array;

/**
 * Collects sized writes, then allocates the snapshot once and fills it: bitmaps serialise
 * straight into their place instead of into 50,000 temporary buffers to be concatenated.
 */
class Writer {
  private readonly parts: { size: number; write: (out: Buffer, at: number) => void }[] = [];
  private length = 0;

  private part(size: number, write: (out: Buffer, at: number) => void): void {
    this.parts.push({ size, write });
    this.length += size;
  }

  /** Copied in pieces of at most `COPY_PIECE` bytes, each a step of its own. */
  bytes(bytes: Uint8Array): void {
    if (bytes.byteLength <= COPY_PIECE) {
      this.part(bytes.byteLength, (out, at) => out.set(bytes, at));
      return;
    }
    for (let start = 0; start < bytes.byteLength; start += COPY_PIECE) {
      const piece = bytes.subarray(start, Math.min(bytes.byteLength, start + COPY_PIECE));
      this.part(piece.byteLength, (out, at) => out.set(piece, at));
    }
  }

  u32(value: number): void {
    this.part(4, (out, at) => out.writeUInt32LE(value, at));
  }

  /** Length-prefixed bytes; lengths are float64 so that no section is limited to 4 GB. */
  blob(bytes: Uint8Array): void {
    this.part(8, (out, at) => out.writeDoubleLE(bytes.byteLength, at));
    this.bytes(bytes);
  }

  typed(array: TypedArray): void {
    this.blob(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }

  /** A count, then (key, length, portable serialisation) per bitmap. */
  *bitmaps(entries: Iterable<[number, RoaringBitmap32]>): Generator<void, void, void> {
    const list = [...entries];
    this.u32(list.length);
    let sized = 0;
    for (const [key, bitmap] of list) {
      if (++sized % 256 === 0) yield;
      const size = bitmap.getSerializationSizeInBytes('portable');
      this.part(8 + size, (out, at) => {
        out.writeUInt32LE(key, at);
        out.writeUInt32LE(size, at + 4);
        bitmap.serialize('portable', out.subarray(at + 8, at + 8 + size));
      });
    }
  }

  /** Allocates the snapshot and fills it, one step per part. */
  *finish(): Generator<void, Buffer, void> {
    const out = Buffer.allocUnsafe(this.length);
    let at = 0;
    for (const { size, write } of this.parts) {
      write(out, at);
      at += size;
      yield;
    }
    return out;
  }
}

class Reader {
  private at = 0;

  constructor(private readonly buffer: Buffer) {}

  bytes(length: number): Buffer {
    if (this.at + length > this.buffer.length) throw new Error('truncated search engine snapshot');
    const out = this.buffer.subarray(this.at, this.at + length);
    this.at += length;
    return out;
  }

  u32(): number {
    return this.bytes(4).readUInt32LE(0);
  }

  blob(): Buffer {
    return this.bytes(this.bytes(8).readDoubleLE(0));
  }

  /** A typed array copied out of the snapshot (whose offsets need not be aligned). */
  typed<T extends TypedArray>(type: { new (length: number): T; BYTES_PER_ELEMENT: number }): T {
    const bytes = this.blob();
    const out = new type(bytes.length / type.BYTES_PER_ELEMENT);
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }

  bitmaps(): Map<number, RoaringBitmap32> {
    const count = this.u32();
    const out = new Map<number, RoaringBitmap32>();
    for (let i = 0; i < count; i++) {
      const key = this.u32();
      const length = this.u32();
      out.set(key, RoaringBitmap32.deserialize(this.bytes(length), 'portable'));
    }
    return out;
  }
}
