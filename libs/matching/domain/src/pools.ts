import { MatchCandidate, MatchOffer, MatchReference } from './match-model';
import { CONTRACT_RULES, ContractRule } from './contract-rules';
import { MatchContext, PreparedCandidate, PreparedOffer, cachedCandidate, cachedOffer, matchContext, slotSkill } from './prepare';

/**
 * A query walks every offer or every person. What rules most of them out (place, dates) and
 * what bounds their score (skills, occupation, remote preference) is copied into flat typed
 * columns read in order, so that the prepared objects, scattered in memory, are opened only
 * for the rows that may make the top k. Variable-length lists (skills, wishes) are stored as
 * one array with row offsets. A pool is remembered per input array: a repeated query costs
 * one lookup; when a row's object was replaced, the pool is rebuilt from the per-object cache.
 */
export class OfferPool {
  readonly sources: readonly MatchOffer[];
  readonly prepared: PreparedOffer[];
  readonly remote: Uint8Array;
  readonly remoteIndex: Uint8Array;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly cosLat: Float64Array;
  /** Day numbers; NaN when not a calendar day, so every comparison fails. */
  readonly earliest: Float64Array;
  readonly earliestYmd: Float64Array;
  readonly latest: Float64Array;
  /** Person conditions: index in CONTRACT_RULES of the offer's rule and of its hire contract's (-1: none). */
  readonly ruleIndex: Int8Array;
  readonly hireRuleIndex: Int8Array;
  readonly openToAnyone: Uint8Array;
  readonly capBlocksOrdinary: Uint8Array;
  readonly capBlocksPriority: Uint8Array;
  /** Score bound inputs: usable programs exist (ordinary / priority public); a training-hours cap applies (POE). */
  readonly hasProgramsOrdinary: Uint8Array;
  readonly hasProgramsPriority: Uint8Array;
  readonly poe: Uint8Array;
  readonly rome: Int32Array;
  /** Row i's skill slots are `slots[slotStart[i] .. slotStart[i + 1]]`, packed as in `PreparedOffer.slots`. */
  readonly slotStart: Int32Array;
  readonly slots: Int32Array;
  readonly requiredCount: Int32Array;
  readonly requiredQuota: Int32Array;
  readonly requiredDenominator: Int32Array;
  readonly niceDenominator: Int32Array;
  readonly maxSlots: number;

  constructor(offers: readonly MatchOffer[], readonly context: MatchContext) {
    const n = offers.length;
    this.sources = offers.slice();
    this.prepared = offers.map((offer) => cachedOffer(offer, context));
    this.remote = Uint8Array.from(this.prepared, (po) => (po.remote ? 1 : 0));
    this.remoteIndex = Uint8Array.from(this.prepared, (po) => po.remoteIndex);
    this.lat = Float64Array.from(this.prepared, (po) => po.lat);
    this.lng = Float64Array.from(this.prepared, (po) => po.lng);
    this.cosLat = Float64Array.from(this.prepared, (po) => po.cosLat);
    this.earliest = Float64Array.from(this.prepared, (po) => po.earliestN);
    this.earliestYmd = Float64Array.from(this.prepared, (po) => po.earliestYmd);
    this.latest = Float64Array.from(this.prepared, (po) => po.latestN);
    this.ruleIndex = Int8Array.from(this.prepared, (po) => ruleIndex(po.rule));
    this.hireRuleIndex = Int8Array.from(this.prepared, (po) => ruleIndex(po.hireRule));
    this.openToAnyone = Uint8Array.from(this.prepared, (po) => (po.openToAnyone ? 1 : 0));
    this.capBlocksOrdinary = Uint8Array.from(this.prepared, (po) => (po.capBlocksOrdinary ? 1 : 0));
    this.capBlocksPriority = Uint8Array.from(this.prepared, (po) => (po.capBlocksPriority ? 1 : 0));
    this.hasProgramsOrdinary = Uint8Array.from(this.prepared, (po) => (po.usablePrograms.length > 0 ? 1 : 0));
    this.hasProgramsPriority = Uint8Array.from(this.prepared, (po) => (po.usableProgramsPriority.length > 0 ? 1 : 0));
    this.poe = Uint8Array.from(this.prepared, (po) => (po.rule?.trainingHoursCap ? 1 : 0));
    this.rome = Int32Array.from(this.prepared, (po) => po.rome);
    this.requiredCount = Int32Array.from(this.prepared, (po) => po.requiredCount);
    this.requiredQuota = Int32Array.from(this.prepared, (po) => po.requiredQuota);
    this.requiredDenominator = Int32Array.from(this.prepared, (po) => po.requiredDenominator);
    this.niceDenominator = Int32Array.from(this.prepared, (po) => po.niceDenominator);
    this.slotStart = new Int32Array(n + 1);
    let maxSlots = 0;
    for (let i = 0; i < n; i++) {
      this.slotStart[i + 1] = this.slotStart[i] + this.prepared[i].slots.length;
      maxSlots = Math.max(maxSlots, this.prepared[i].slots.length);
    }
    this.maxSlots = maxSlots;
    this.slots = new Int32Array(this.slotStart[n]);
    for (let i = 0; i < n; i++) this.slots.set(this.prepared[i].slots, this.slotStart[i]);
  }

  private index: OfferIndex | null = null;

  /**
   * The rows a query visits, in two lists. `sharing`: offers the person can earn skill or
   * occupation points from (an occupation they get credit for, or a skill they hold among those
   * the offer lists or, listing none, its occupation's); every other row scores at most the sum
   * of the remaining components, so `rest` is visited only when the k-th best
   * kept is within that reach. With `near`, only offers that can be within the box (remote
   * ones, and on-site ones in grid cells the box touches) are listed: the others fail the
   * distance rule anyway. The index is built on first use.
   */
  rowsFor(romeIds: readonly number[], skillIds: readonly number[], near: Box | null): { sharing: Int32Array; rest: Int32Array } {
    const index = (this.index ??= buildOfferIndex(this));
    const stamp = ++index.stamp;
    const mark = (postings: Postings, key: number): void => {
      if (key >= postings.start.length - 1) return;
      for (let j = postings.start[key]; j < postings.start[key + 1]; j++) index.seen[postings.rows[j]] = stamp;
    };
    for (const rome of romeIds) mark(index.byRome, rome);
    for (const skill of skillIds) mark(index.bySkill, skill);
    // Written into buffers the pool keeps: a query allocates nothing here. The answer is valid
    // until the next call on this pool.
    const { sharing, rest } = index;
    let shared = 0;
    let others = 0;
    const split = (rows: Int32Array, from: number, to: number): void => {
      for (let j = from; j < to; j++) {
        const row = rows[j];
        if (index.seen[row] === stamp) sharing[shared++] = row;
        else rest[others++] = row;
      }
    };
    const fromY = cellOf(Math.max(-90, near?.minLat ?? 0));
    const toY = cellOf(Math.min(90, near?.maxLat ?? 0));
    const fromX = cellOf(Math.max(-180, near?.minLng ?? 0));
    const toX = cellOf(Math.min(180, near?.maxLng ?? 0));
    // A box over thousands of cells (a radius of hundreds of kilometres) is cheaper as a plain scan.
    if (!near || (toY - fromY + 1) * (toX - fromX + 1) > MAX_BOX_CELLS) {
      for (let row = 0; row < this.prepared.length; row++) {
        if (index.seen[row] === stamp) sharing[shared++] = row;
        else rest[others++] = row;
      }
    } else {
      split(index.remoteRows, 0, index.remoteRows.length);
      const { cells } = index;
      for (let y = fromY; y <= toY; y++) {
        for (let x = fromX; x <= toX; x++) {
          const key = cellKey(y, x);
          if (key >= 0 && key < cells.start.length - 1) split(cells.rows, cells.start[key], cells.start[key + 1]);
        }
      }
    }
    return { sharing: sharing.subarray(0, shared), rest: rest.subarray(0, others) };
  }
}

export interface Box {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

interface OfferIndex {
  byRome: Postings;
  /** By skill slot: listed skills, or the occupation's for an offer that lists none. */
  bySkill: Postings;
  remoteRows: Int32Array;
  /** On-site and hybrid offers by grid cell (`cellKey`). */
  cells: Postings;
  seen: Int32Array;
  stamp: number;
  sharing: Int32Array;
  rest: Int32Array;
}

/** Grid cells of a quarter degree (about 28 km north-south) over latitudes -90..90 and longitudes -180..180. */
const CELL_DEGREES = 0.25;
const CELLS_PER_ROW = 360 / CELL_DEGREES + 1;
const MAX_BOX_CELLS = 2_000;
const cellOf = (degrees: number): number => Math.floor(degrees / CELL_DEGREES);
const cellKey = (y: number, x: number): number => {
  const row = y + 90 / CELL_DEGREES;
  const column = Math.max(0, Math.min(CELLS_PER_ROW - 1, x + 180 / CELL_DEGREES));
  return row < 0 || row > 180 / CELL_DEGREES ? -1 : row * CELLS_PER_ROW + column;
};

function buildOfferIndex(pool: OfferPool): OfferIndex {
  const n = pool.prepared.length;
  const remoteRows: number[] = [];
  for (let i = 0; i < n; i++) if (pool.remote[i] === 1) remoteRows.push(i);
  return {
    byRome: invert(n, (i, emit) => emit(pool.rome[i])),
    bySkill: invert(n, (i, emit) => {
      for (let k = pool.slotStart[i]; k < pool.slotStart[i + 1]; k++) emit(slotSkill(pool.slots[k]));
    }),
    remoteRows: Int32Array.from(remoteRows),
    // A row without a usable position (NaN) is in no cell: it can never be within a radius.
    cells: invert(n, (i, emit) => {
      if (pool.remote[i] === 1 || !Number.isFinite(pool.lat[i]) || !Number.isFinite(pool.lng[i])) return;
      const key = cellKey(cellOf(pool.lat[i]), cellOf(pool.lng[i]));
      if (key >= 0) emit(key);
    }),
    seen: new Int32Array(n),
    stamp: 0,
    sharing: new Int32Array(n),
    rest: new Int32Array(n),
  };
}

/** Rows by key, as one array with offsets: key k's rows are `rows[start[k] .. start[k + 1]]`, ascending. */
interface Postings {
  start: Int32Array;
  rows: Int32Array;
}

function invert(n: number, keys: (row: number, emit: (key: number) => void) => void): Postings {
  let size = 0;
  const counted: number[] = [];
  for (let i = 0; i < n; i++) {
    keys(i, (key) => {
      size = Math.max(size, key + 1);
      counted.push(key, i);
    });
  }
  const start = new Int32Array(size + 1);
  for (let j = 0; j < counted.length; j += 2) start[counted[j] + 1]++;
  for (let k = 0; k < size; k++) start[k + 1] += start[k];
  const fill = start.slice(0, size);
  const rows = new Int32Array(counted.length / 2);
  // A row listing a skill twice appears twice: harmless, marking is idempotent.
  for (let j = 0; j < counted.length; j += 2) rows[fill[counted[j]]++] = counted[j + 1];
  return { start, rows };
}

export class CandidatePool {
  readonly sources: readonly MatchCandidate[];
  readonly prepared: PreparedCandidate[];
  readonly located: Uint8Array;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly cosLat: Float64Array;
  readonly radiusKm: Float64Array;
  readonly minLat: Float64Array;
  readonly maxLat: Float64Array;
  readonly minLng: Float64Array;
  readonly maxLng: Float64Array;
  /** Day number and yyyymmdd the person is free from; -Infinity / NaN: now. */
  readonly available: Float64Array;
  readonly availableYmd: Float64Array;
  /** What the legal person conditions read (eligibility only, never the score). */
  readonly jobSeeker: Uint8Array;
  readonly birthYmd: Float64Array;
  readonly lowerSecondaryDone: Uint8Array;
  readonly disabilityRecognised: Uint8Array;
  readonly priority: Uint8Array;
  readonly remoteIndex: Uint8Array;
  /** Row i's skills are `skills[skillStart[i] .. skillStart[i + 1]]`, packed `id << 3 | rank`. */
  readonly skillStart: Int32Array;
  readonly skills: Int32Array;
  /** Row i's wished ROME ids are `desired[desiredStart[i] .. desiredStart[i + 1]]`. */
  readonly desiredStart: Int32Array;
  readonly desired: Int32Array;

  constructor(candidates: readonly MatchCandidate[], readonly context: MatchContext) {
    const n = candidates.length;
    this.sources = candidates.slice();
    this.prepared = candidates.map((candidate) => cachedCandidate(candidate, context));
    const column = (value: (pc: PreparedCandidate) => number) => Float64Array.from(this.prepared, value);
    this.located = Uint8Array.from(this.prepared, (pc) => (pc.hasLocation ? 1 : 0));
    this.lat = column((pc) => pc.lat);
    this.lng = column((pc) => pc.lng);
    this.cosLat = column((pc) => pc.cosLat);
    this.radiusKm = column((pc) => pc.radiusKm);
    this.minLat = column((pc) => pc.minLat);
    this.maxLat = column((pc) => pc.maxLat);
    this.minLng = column((pc) => pc.minLng);
    this.maxLng = column((pc) => pc.maxLng);
    this.available = column((pc) => pc.availableN);
    this.availableYmd = column((pc) => pc.availableYmd);
    const flag = (value: (pc: PreparedCandidate) => boolean) => Uint8Array.from(this.prepared, (pc) => (value(pc) ? 1 : 0));
    this.jobSeeker = flag((pc) => pc.jobSeeker);
    this.birthYmd = column((pc) => pc.birthYmd);
    this.lowerSecondaryDone = flag((pc) => pc.lowerSecondaryDone);
    this.disabilityRecognised = flag((pc) => pc.candidate.disabilityRecognised === true);
    this.priority = flag((pc) => pc.priority);
    this.remoteIndex = Uint8Array.from(this.prepared, (pc) => pc.remoteIndex);
    [this.skillStart, this.skills] = flatten(this.prepared, (pc) => pc.skills, n);
    [this.desiredStart, this.desired] = flatten(this.prepared, (pc) => pc.desiredRomes, n);
  }
}

function ruleIndex(rule: ContractRule | null): number {
  return rule ? CONTRACT_RULES.indexOf(rule) : -1;
}

function flatten<T>(rows: readonly T[], list: (row: T) => Int32Array, n: number): [Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + list(rows[i]).length;
  const flat = new Int32Array(start[n]);
  for (let i = 0; i < n; i++) flat.set(list(rows[i]), start[i]);
  return [start, flat];
}

function pool<T, P extends { sources: readonly T[] }>(items: readonly T[], reference: MatchReference, make: (context: MatchContext) => P): P {
  const context = matchContext(reference);
  const found = context.pools.get(items) as P | undefined;
  if (found && found.sources.length === items.length && sameRows(found.sources, items)) return found;
  const built = make(context);
  context.pools.set(items, built);
  return built;
}

function sameRows<T>(a: readonly T[], b: readonly T[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Offers ready for repeated queries; also what the match functions build and remember for a plain array. */
export function prepareOfferPool(offers: readonly MatchOffer[] | OfferPool, reference: MatchReference): OfferPool {
  if (offers instanceof OfferPool) return offers.context.reference === reference ? offers : prepareOfferPool(offers.sources, reference);
  return pool(offers, reference, (context) => new OfferPool(offers, context));
}

/** People ready for repeated queries. */
export function prepareCandidatePool(candidates: readonly MatchCandidate[] | CandidatePool, reference: MatchReference): CandidatePool {
  if (candidates instanceof CandidatePool) return candidates.context.reference === reference ? candidates : prepareCandidatePool(candidates.sources, reference);
  return pool(candidates, reference, (context) => new CandidatePool(candidates, context));
}
