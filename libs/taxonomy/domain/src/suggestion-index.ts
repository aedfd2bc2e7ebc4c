import { LabelTerms, SuggestionQuery, WordFolder, labelTerms } from './suggestion-text';
import { TypoKeys, hasDigit, maxTypos, typoDistance } from './suggestion-typos';

/** One thing a combobox can offer: what it is found by, how it ranks among equals, what it carries. */
export interface SuggestionEntry<K extends string, T> {
  kind: K;
  /** The label whose words are matched (its length ranks it: shorter first). */
  text: string;
  /** Other things it is found by that are not part of its label: a postcode, a code. */
  extra?: readonly string[];
  /** Among labels of one length, bigger first (communes: a proxy for their size). */
  weight?: number;
  /** Last tie-breaker, so that equal labels always come in the same order. */
  key: string;
  item: T;
}

export interface SuggestionIndexOptions<K extends string> {
  /** Every kind the index holds, in the order that breaks ties between kinds. */
  kinds: readonly K[];
  /** Other spellings of words, per kind (La Poste's "st" for "saint"). */
  aliases?: Partial<Record<K, ReadonlyMap<string, string>>>;
}

export interface SuggestRequest<K extends string> {
  /** Kinds to suggest; all of them when absent. */
  kinds?: readonly K[];
  first: number;
  /**
   * Most suggestions one kind takes while other kinds still have matches to show; when they run
   * out the rest is filled from the kinds left. Default: half of `first` when several kinds are
   * asked for.
   */
  perKindCap?: number;
}

/** How a suggestion matched: what ranks it. */
export interface SuggestionMatch {
  /** Typos over all the typed words. */
  typos: number;
  /** Typed words that matched only the start of a word of the label. */
  prefixes: number;
  /** Whether the first typed word matched the label's first word. */
  starts: boolean;
}

export interface SuggestionHit<K extends string, T> {
  kind: K;
  item: T;
  match: SuggestionMatch;
}

/** Per typed word: exact 0, the start of a word 1, each typo 64 (so one typo outweighs any number of starts). */
const PREFIX_COST = 1;
const TYPO_COST = 64;
const ENTRY_BITS = 2 ** 24;
/** Stamps are compared for equality only: the arrays are cleared before the counter can overflow. */
const EPOCH_LIMIT = 2 ** 30;

/** What one typed word matches: vocabulary term ids by quality. */
interface WordMatcher {
  /** The term equal to the word, or -1. */
  exact: number;
  /** Terms starting with the word (the exact one excluded): ids lo to hi - 1, since ids follow the sorted vocabulary. */
  lo: number;
  hi: number;
  /** Whole terms one or two typos away, by distance. */
  typos: Map<number, number>;
  /**
   * Terms starting with something one (index 1) or two (index 2) typos away from the word, as
   * sorted, disjoint runs of ids `[lo, hi, lo, hi, …]` (a run of terms sharing a start).
   */
  startTypos: [number[], number[], number[]];
  /** Runs of term ids `[lo, hi, cost, …]` in order of cost: every term the word matches. */
  runs: number[];
  /** Postings under all those terms: which word to start the intersection from. */
  volume: number;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Entries prepared between two pauses of a build in slices. */
const SLICE_ENTRIES = 8192;

/** The structures of an index, computed from its prepared entries. */
interface Layout<T> {
  items: T[];
  kindOf: Uint8Array;
  lengthOf: Uint16Array;
  entryStart: Int32Array;
  leadStart: Int32Array;
  vocabulary: string[];
  entryTerms: Int32Array;
  leadTerms: Int32Array;
  termStart: Int32Array;
  postings: Int32Array;
  typoKeys: TypoKeys;
  trie: { firstChild: Int32Array; nextSibling: Int32Array; letter: Uint16Array; lo: Int32Array; hi: Int32Array };
}

/** Lays the prepared entries (in their final order) out in typed arrays, pausing between steps. */
function* layOut<K extends string, T>(prepared: Prepared<K, T>[]): Generator<void, Layout<T>> {
  const n = prepared.length;
  const items = new Array<T>(n);
  const kindOf = new Uint8Array(n);
  const lengthOf = new Uint16Array(n);
  const entryStart = new Int32Array(n + 1);
  const leadStart = new Int32Array(n + 1);
  for (let e = 0; e < n; e++) {
    const p = prepared[e];
    items[e] = p.entry.item;
    kindOf[e] = p.kind;
    lengthOf[e] = Math.min(p.length, 0xffff);
    entryStart[e + 1] = entryStart[e] + p.terms.terms.length;
    leadStart[e + 1] = leadStart[e] + p.terms.lead.length;
  }

  // Terms numbered as first seen, then renumbered in sorted order: one map lookup per term.
  const seenId = new Map<string, number>();
  const seen: string[] = [];
  const idOfSeen = (term: string): number => {
    let id = seenId.get(term);
    if (id === undefined) {
      id = seen.length;
      seenId.set(term, id);
      seen.push(term);
    }
    return id;
  };
  const entryTerms = new Int32Array(entryStart[n]);
  const leadTerms = new Int32Array(leadStart[n]);
  for (let e = 0; e < n; e++) {
    const { terms, lead } = prepared[e].terms;
    for (let i = 0; i < terms.length; i++) entryTerms[entryStart[e] + i] = idOfSeen(terms[i]);
    for (let i = 0; i < lead.length; i++) leadTerms[leadStart[e] + i] = idOfSeen(lead[i]);
    if ((e + 1) % SLICE_ENTRIES === 0) yield;
  }
  // The default order compares UTF-16 code units, as `<` does in the lookups.
  const vocabulary = [...seen].sort();
  const rank = new Int32Array(seen.length);
  for (let id = 0; id < vocabulary.length; id++) rank[seenId.get(vocabulary[id])!] = id;
  yield;

  const termStart = new Int32Array(vocabulary.length + 1);
  for (let e = 0; e < n; e++) {
    const at = entryStart[e];
    // A label has a handful of terms: an insertion sort in place.
    for (let k = at; k < entryStart[e + 1]; k++) {
      const id = rank[entryTerms[k]];
      termStart[id + 1]++;
      let j = k;
      while (j > at && entryTerms[j - 1] > id) {
        entryTerms[j] = entryTerms[j - 1];
        j--;
      }
      entryTerms[j] = id;
    }
  }
  for (let k = 0; k < leadTerms.length; k++) leadTerms[k] = rank[leadTerms[k]];
  for (let t = 0; t < vocabulary.length; t++) termStart[t + 1] += termStart[t];
  const postings = new Int32Array(entryTerms.length);
  const fill = termStart.slice(0, vocabulary.length);
  // Entries are visited in id order, so every inverted list comes out sorted.
  for (let e = 0; e < n; e++) for (let i = entryStart[e]; i < entryStart[e + 1]; i++) postings[fill[entryTerms[i]]++] = e;
  yield;
  const typoKeys = TypoKeys.build(vocabulary);
  yield;
  const trie = buildTrie(vocabulary);
  return { items, kindOf, lengthOf, entryStart, leadStart, vocabulary, entryTerms, leadTerms, termStart, postings, typoKeys, trie };
}

/**
 * An autocomplete index over fixed lists of labels, built once and read by every request: a
 * sorted vocabulary of folded words (a prefix is a range of it, and a trie over it), inverted
 * lists of entries per word and word lists per entry (both in one typed array each), and a typo
 * dictionary.
 *
 * Every typed word must match a word of the label: exactly, by its start, or with typos by the
 * typed word's length (`maxTypos`): a whole word, or, for the word being typed, the start of
 * one. Ranking, best first: fewer typos, then fewer words matched by their start only, then
 * labels whose first word the first typed word matches, then shorter labels, then bigger ones
 * (`weight`), then label and key, for a stable order. Entry ids follow that static order within
 * each kind, so a query only has to rank by match, then by id.
 */
export class SuggestionIndex<K extends string, T> {
  private readonly kinds: readonly K[];
  private readonly items: T[];
  private readonly kindOf: Uint8Array;
  private readonly lengthOf: Uint16Array;
  private readonly vocabulary: string[];
  private readonly termStart: Int32Array;
  private readonly postings: Int32Array;
  private readonly entryStart: Int32Array;
  private readonly entryTerms: Int32Array;
  private readonly leadStart: Int32Array;
  private readonly leadTerms: Int32Array;
  private readonly typoKeys: TypoKeys;
  /** The vocabulary as a trie (first child, next sibling), each node with its letter and its run of term ids. */
  private readonly trie: { firstChild: Int32Array; nextSibling: Int32Array; letter: Uint16Array; lo: Int32Array; hi: Int32Array };
  private readonly meanTermsPerEntry: number;
  // Scratch space of the query in progress: queries are synchronous, so one set serves them all.
  private readonly stamp: Int32Array;
  private readonly wordStamp: Int32Array;
  private readonly cost: Int32Array;
  private readonly wordCost: Int32Array;
  private readonly found: Int32Array;
  private epoch = 0;
  private wordEpoch = 0;

  private constructor(kinds: readonly K[], layout: Layout<T>) {
    this.kinds = kinds;
    this.items = layout.items;
    this.kindOf = layout.kindOf;
    this.lengthOf = layout.lengthOf;
    this.entryStart = layout.entryStart;
    this.leadStart = layout.leadStart;
    this.vocabulary = layout.vocabulary;
    this.entryTerms = layout.entryTerms;
    this.leadTerms = layout.leadTerms;
    this.termStart = layout.termStart;
    this.postings = layout.postings;
    this.typoKeys = layout.typoKeys;
    this.trie = layout.trie;
    const n = layout.items.length;
    this.meanTermsPerEntry = n ? this.entryTerms.length / n : 0;
    this.stamp = new Int32Array(n);
    this.wordStamp = new Int32Array(n);
    this.cost = new Int32Array(n);
    this.wordCost = new Int32Array(n);
    this.found = new Int32Array(n);
  }

  static build<K extends string, T>(entries: Iterable<SuggestionEntry<K, T>>, options: SuggestionIndexOptions<K>): SuggestionIndex<K, T> {
    const steps = SuggestionIndex.steps(entries, options);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same build in slices of a few tens of milliseconds, giving way to other work between
   * them (`pause`, by default the next turn of the event loop): a server building its index on
   * its first request keeps answering the others meanwhile.
   */
  static async buildInSlices<K extends string, T>(
    entries: Iterable<SuggestionEntry<K, T>>,
    options: SuggestionIndexOptions<K>,
    pause: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
  ): Promise<SuggestionIndex<K, T>> {
    const steps = SuggestionIndex.steps(entries, options);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await pause();
    }
  }

  /** The build as a sequence of steps: each `yield` is a point where it may pause. */
  private static *steps<K extends string, T>(entries: Iterable<SuggestionEntry<K, T>>, options: SuggestionIndexOptions<K>): Generator<void, SuggestionIndex<K, T>> {
    if (options.kinds.length > 255) throw new Error('a suggestion index holds at most 255 kinds');
    const kindIndex = new Map(options.kinds.map((kind, i) => [kind, i]));
    const prepared: Prepared<K, T>[] = [];
    const folder = new WordFolder();
    for (const entry of entries) {
      const kind = kindIndex.get(entry.kind);
      if (kind === undefined) throw new Error(`unknown suggestion kind ${entry.kind}`);
      const terms = labelTerms(entry.text, options.aliases?.[entry.kind], entry.extra, folder);
      // A label without a letter or digit could never be found.
      if (!terms.terms.length) continue;
      const folded = terms.words.join(' ');
      prepared.push({ entry, kind, terms, folded, length: folded.length, weight: entry.weight ?? 0 });
      if (prepared.length % SLICE_ENTRIES === 0) yield;
    }
    if (prepared.length >= ENTRY_BITS) throw new Error(`a suggestion index holds fewer than ${ENTRY_BITS} entries`);
    prepared.sort(
      (a, b) => a.kind - b.kind || a.length - b.length || b.weight - a.weight || compareText(a.folded, b.folded) || compareText(a.entry.key, b.entry.key),
    );
    yield;
    return new SuggestionIndex(options.kinds, yield* layOut(prepared));
  }

  get size(): number {
    return this.items.length;
  }

  /** Sizes of the structures: for memory reports. */
  get stats(): { entries: number; terms: number; postings: number; typoKeys: number; trieNodes: number } {
    return { entries: this.items.length, terms: this.vocabulary.length, postings: this.postings.length, typoKeys: this.typoKeys.size, trieNodes: this.trie.letter.length };
  }

  suggest(query: SuggestionQuery, request: SuggestRequest<K>): SuggestionHit<K, T>[] {
    const { words } = query;
    const first = request.first;
    if (!words.length || first <= 0 || !this.items.length) return [];
    const wanted = new Uint8Array(this.kinds.length);
    for (const kind of request.kinds ?? this.kinds) {
      const k = this.kinds.indexOf(kind);
      if (k >= 0) wanted[k] = 1;
    }
    const last = words.length - 1;
    const matchers = words.map((word, i) => this.matcher(word, i < last || query.lastIsPrefix, i === last && query.lastIsPrefix));
    if (matchers.some((m) => m.volume === 0)) return [];

    // Start from the word with the fewest postings; the others only narrow that set.
    const order = matchers.map((_, i) => i).sort((a, b) => matchers[a].volume - matchers[b].volume);
    let count = this.startFrom(matchers[order[0]], wanted, order.length === 1 ? first : 0);
    for (let i = 1; i < order.length && count > 0; i++) count = this.narrow(count, matchers[order[i]]);
    if (count === 0) return [];

    const best = this.kinds.map(() => [] as number[]);
    const lead = matchers[0];
    const { found, cost, kindOf, leadStart, leadTerms } = this;
    for (let c = 0; c < count; c++) {
      const e = found[c];
      let starts = 0;
      for (let i = leadStart[e]; i < leadStart[e + 1]; i++) {
        if (matches(lead, leadTerms[i])) {
          starts = 1;
          break;
        }
      }
      const key = (cost[e] * 2 + 1 - starts) * ENTRY_BITS + e;
      const kept = best[kindOf[e]];
      if (kept.length < first || key < kept[kept.length - 1]) keepBest(kept, key, first);
    }
    return this.interleave(best, wanted, first, request.perKindCap);
  }

  /**
   * The best of every kind in one list: by match, then label length, then the kinds' order (within
   * a kind this is its id order). No kind takes more than the cap while another still has
   * suggestions to show; then the rest is filled in the same order.
   */
  private interleave(best: number[][], wanted: Uint8Array, first: number, perKindCap?: number): SuggestionHit<K, T>[] {
    const ranked = best.flatMap((keys) => keys.map((key) => ({ e: key % ENTRY_BITS, bucket: Math.floor(key / ENTRY_BITS) })));
    ranked.sort((a, b) => a.bucket - b.bucket || this.lengthOf[a.e] - this.lengthOf[b.e] || this.kindOf[a.e] - this.kindOf[b.e] || a.e - b.e);
    const askedKinds = wanted.reduce((sum, w) => sum + w, 0);
    const cap = perKindCap ?? (askedKinds > 1 ? Math.ceil(first / 2) : first);
    const taken = new Array<number>(this.kinds.length).fill(0);
    const chosen: typeof ranked = [];
    const overflow: typeof ranked = [];
    for (const hit of ranked) {
      if (chosen.length === first) break;
      if (taken[this.kindOf[hit.e]] < cap) {
        taken[this.kindOf[hit.e]]++;
        chosen.push(hit);
      } else overflow.push(hit);
    }
    for (const hit of overflow) {
      if (chosen.length === first) break;
      chosen.push(hit);
    }
    return chosen.map(({ e, bucket }) => {
      const cost = Math.floor(bucket / 2);
      return {
        kind: this.kinds[this.kindOf[e]],
        item: this.items[e],
        match: { typos: Math.floor(cost / TYPO_COST), prefixes: cost % TYPO_COST, starts: bucket % 2 === 0 },
      };
    });
  }

  /**
   * What one typed word matches. `prefix`: also words it starts (every word but a last one
   * followed by a separator). `typosOnStart`: also words starting with something within its typos
   * (the word being typed only: the others are whole words, which have their own typos).
   */
  private matcher(word: string, prefix: boolean, typosOnStart: boolean): WordMatcher {
    const vocabulary = this.vocabulary;
    let lo = lowerBound(vocabulary, word);
    const exact = lo < vocabulary.length && vocabulary[lo] === word ? lo : -1;
    if (exact >= 0) lo++;
    let hi = lo;
    if (prefix) {
      // Terms starting with the word follow it in sorted order, in one run.
      let end = vocabulary.length;
      while (hi < end) {
        const mid = (hi + end) >>> 1;
        if (vocabulary[mid].startsWith(word)) hi = mid + 1;
        else end = mid;
      }
    }
    const typos = new Map<number, number>();
    const startTypos: [number[], number[], number[]] = [[], [], []];
    const allowed = hasDigit(word) ? 0 : maxTypos(word.length);
    if (allowed > 0) {
      for (const id of this.typoKeys.candidates(word, allowed)) {
        if (id === exact || (id >= lo && id < hi)) continue;
        const distance = typoDistance(word, vocabulary[id], allowed);
        if (distance > 0 && distance <= allowed) typos.set(id, distance);
      }
      if (typosOnStart) this.collectStartTypos(word, allowed, startTypos);
    }
    // Best first: exact, start, one typo on the whole word, then on its start, then two typos.
    const runs: number[] = [];
    if (exact >= 0) runs.push(exact, exact + 1, 0);
    if (hi > lo) runs.push(lo, hi, PREFIX_COST);
    for (let d = 1; d <= 2; d++) {
      for (const [id, distance] of typos) if (distance === d) runs.push(id, id + 1, d * TYPO_COST);
      const starts = startTypos[d];
      for (let i = 0; i < starts.length; i += 2) runs.push(starts[i], starts[i + 1], d * TYPO_COST + PREFIX_COST);
    }
    let volume = 0;
    for (let i = 0; i < runs.length; i += 3) volume += this.termStart[runs[i + 1]] - this.termStart[runs[i]];
    return { exact, lo, hi, typos, startTypos, runs, volume };
  }

  /**
   * Runs of terms whose start is within `allowed` typos of the word (a word still being typed,
   * with a typo: "eleve" for "élevage"): a Levenshtein walk down the vocabulary's trie, one row of
   * distances per depth, leaving a branch as soon as its every distance exceeds `allowed`. A
   * branch reached within one typo is taken whole; within two, it is taken and searched further
   * for starts within one.
   */
  private collectStartTypos(word: string, allowed: number, out: [number[], number[], number[]]): void {
    const { firstChild, nextSibling, letter, lo, hi } = this.trie;
    const n = word.length;
    const w = Array.from({ length: n }, (_, j) => word.charCodeAt(j));
    const rows: Int32Array[] = [Int32Array.from({ length: n + 1 }, (_, j) => j)];
    const path: number[] = [];
    const visit = (node: number, depth: number, best: number): void => {
      const previous = rows[depth];
      const row = (rows[depth + 1] ??= new Int32Array(n + 1));
      for (let child = firstChild[node]; child >= 0; child = nextSibling[child]) {
        const c = letter[child];
        row[0] = depth + 1;
        let min = row[0];
        for (let j = 1; j <= n; j++) {
          let v = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (c === w[j - 1] ? 0 : 1));
          if (depth > 0 && j > 1 && c === w[j - 2] && path[depth - 1] === w[j - 1]) v = Math.min(v, rows[depth - 1][j - 2] + 1);
          row[j] = v;
          if (v < min) min = v;
        }
        if (min > allowed) continue;
        path[depth] = c;
        const distance = row[n];
        // 0 is the word itself as a start: the plain prefix run has those terms.
        if (distance <= 1) {
          if (distance === 1 && best > 1) out[1].push(lo[child], hi[child]);
        } else if (distance <= allowed && best > distance) {
          out[distance].push(lo[child], hi[child]);
          visit(child, depth + 1, distance);
        } else visit(child, depth + 1, best);
      }
    };
    visit(0, 0, Infinity);
  }

  /** Posting ranges of the word's terms with their cost, best first: the first hit of an entry is its best. */
  private segments(m: WordMatcher): number[] {
    const { termStart } = this;
    const out: number[] = [];
    for (let i = 0; i < m.runs.length; i += 3) out.push(termStart[m.runs[i]], termStart[m.runs[i + 1]], m.runs[i + 2]);
    return out;
  }

  private nextEpoch(): number {
    if (++this.epoch >= EPOCH_LIMIT) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    return this.epoch;
  }

  private nextWordEpoch(): number {
    if (++this.wordEpoch >= EPOCH_LIMIT) {
      this.wordStamp.fill(0);
      this.wordEpoch = 1;
    }
    return this.wordEpoch;
  }

  /**
   * Puts the entries of the wanted kinds that the word matches in `found`, each with its best
   * cost; returns how many. With `enough` > 0 (a one-word query), stops before the first run of a
   * higher cost once every wanted kind has that many: none of the rest could rank among them.
   */
  private startFrom(m: WordMatcher, wanted: Uint8Array, enough: number): number {
    const epoch = this.nextEpoch();
    const { stamp, cost, kindOf, postings, found } = this;
    const segments = this.segments(m);
    const perKind = new Int32Array(wanted.length);
    let count = 0;
    for (let s = 0; s < segments.length; s += 3) {
      const c = segments[s + 2];
      if (enough > 0 && s > 0 && c > segments[s - 1] && wanted.every((w, k) => w === 0 || perKind[k] >= enough)) break;
      for (let i = segments[s]; i < segments[s + 1]; i++) {
        const e = postings[i];
        if (stamp[e] === epoch || wanted[kindOf[e]] === 0) continue;
        stamp[e] = epoch;
        cost[e] = c;
        perKind[kindOf[e]]++;
        found[count++] = e;
      }
    }
    return count;
  }

  /**
   * Keeps in `found` the candidates the word also matches, their cost increased by its best
   * match. A few candidates are checked against their own words; many, through the word's
   * inverted lists. Returns how many are left.
   */
  private narrow(count: number, m: WordMatcher): number {
    const { stamp, cost, found, entryStart, entryTerms } = this;
    let kept = 0;
    if (count * this.meanTermsPerEntry <= m.volume) {
      for (let c = 0; c < count; c++) {
        const e = found[c];
        let bestCost = -1;
        for (let i = entryStart[e]; i < entryStart[e + 1]; i++) {
          const q = quality(m, entryTerms[i]);
          if (q >= 0 && (bestCost < 0 || q < bestCost)) bestCost = q;
        }
        if (bestCost >= 0) {
          cost[e] += bestCost;
          found[kept++] = e;
        } else stamp[e] = 0;
      }
      return kept;
    }
    const epoch = this.epoch;
    const wordEpoch = this.nextWordEpoch();
    const { wordStamp, wordCost, postings } = this;
    const segments = this.segments(m);
    for (let s = 0; s < segments.length; s += 3) {
      const c = segments[s + 2];
      for (let i = segments[s]; i < segments[s + 1]; i++) {
        const e = postings[i];
        if (stamp[e] !== epoch || wordStamp[e] === wordEpoch) continue;
        wordStamp[e] = wordEpoch;
        wordCost[e] = c;
      }
    }
    for (let c = 0; c < count; c++) {
      const e = found[c];
      if (wordStamp[e] === wordEpoch) {
        cost[e] += wordCost[e];
        found[kept++] = e;
      } else stamp[e] = 0;
    }
    return kept;
  }
}

/** The cost of `term` for this word, or -1 when it does not match. */
function quality(m: WordMatcher, term: number): number {
  if (term === m.exact) return 0;
  if (term >= m.lo && term < m.hi) return PREFIX_COST;
  for (let d = 1; d <= 2; d++) {
    if (m.typos.size > 0 && m.typos.get(term) === d) return d * TYPO_COST;
    if (inRuns(m.startTypos[d], term)) return d * TYPO_COST + PREFIX_COST;
  }
  return -1;
}

function matches(m: WordMatcher, term: number): boolean {
  return quality(m, term) >= 0;
}

/** Whether `term` lies in one of the sorted, disjoint runs `[lo, hi, …]`. */
function inRuns(runs: readonly number[], term: number): boolean {
  let a = 0;
  let b = runs.length >> 1;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (runs[mid * 2 + 1] <= term) a = mid + 1;
    else b = mid;
  }
  return a < runs.length >> 1 && runs[a * 2] <= term;
}

interface Prepared<K extends string, T> {
  entry: SuggestionEntry<K, T>;
  kind: number;
  terms: LabelTerms;
  folded: string;
  length: number;
  weight: number;
}

/**
 * The trie of a sorted vocabulary, built in one pass: a node per distinct start of a term, its
 * children in letter order, and the run of term ids that start with it (node 0 is the root).
 */
function buildTrie(vocabulary: readonly string[]) {
  let size = 1;
  for (let t = 0; t < vocabulary.length; t++) size += vocabulary[t].length - (t ? commonStart(vocabulary[t - 1], vocabulary[t]) : 0);
  const firstChild = new Int32Array(size).fill(-1);
  const nextSibling = new Int32Array(size).fill(-1);
  const lastChild = new Int32Array(size).fill(-1);
  const letter = new Uint16Array(size);
  const lo = new Int32Array(size);
  const hi = new Int32Array(size).fill(vocabulary.length);
  const path = [0];
  let nodes = 1;
  for (let t = 0; t < vocabulary.length; t++) {
    const term = vocabulary[t];
    const shared = t ? commonStart(vocabulary[t - 1], term) : 0;
    while (path.length - 1 > shared) hi[path.pop()!] = t;
    for (let d = shared; d < term.length; d++) {
      const parent = path[d];
      const node = nodes++;
      letter[node] = term.charCodeAt(d);
      lo[node] = t;
      if (lastChild[parent] < 0) firstChild[parent] = node;
      else nextSibling[lastChild[parent]] = node;
      lastChild[parent] = node;
      path.push(node);
    }
  }
  return { firstChild, nextSibling, letter, lo, hi };
}

function commonStart(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** First index whose term is not below `word`. */
function lowerBound(sorted: readonly string[], word: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Keeps the `limit` smallest keys, sorted: most candidates are rejected by one comparison. */
function keepBest(keys: number[], key: number, limit: number): void {
  if (keys.length === limit) {
    if (key >= keys[limit - 1]) return;
    keys.pop();
  }
  let i = keys.length;
  while (i > 0 && keys[i - 1] > key) i--;
  keys.splice(i, 0, key);
}
