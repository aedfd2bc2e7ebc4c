import { RoaringBitmap32 } from 'roaring';
import type {
  FacetCount,
  Filter,
  IndexSettings,
  SearchDocument,
  SearchHit,
  SearchIndex,
  SearchRequest,
  SearchResult,
  Sort,
} from '@alternance/search/domain';
import { DocumentStore } from './document-store';
import { FacetIndex, facetKey, fieldValues } from './facet-index';
import { FIELD_END, ForwardIndex } from './forward-index';
import { GeoColumn, isLatLng } from './geo';
import { fieldText, highlight } from './highlight';
import { InvertedIndex } from './inverted-index';
import { NumericColumn } from './numeric-column';
import { QuerySlot, SynonymTable, queryWords } from './query';
import { bestProximity, explainPrimary, Level, RankingScratch, topK } from './ranking';
import { SnapshotData, decodeSnapshot, encodeSnapshot, encodeSnapshotInSteps } from './snapshot';
import { hasDigit, Tokenizer } from './tokenizer';
import { damerauLevenshtein, maxTypos, TypoDictionary } from './typo-dictionary';

const EMPTY_SETTINGS: IndexSettings = { searchable: [], filterable: [], numeric: [], synonyms: [], stopWords: [] };
/** Field ranks are stored in bytes, 255 meaning "no match". */
const MAX_SEARCHABLE_FIELDS = 254;
const FILTER_CACHE_SIZE = 256;
const PREFIX_CACHE_SIZE = 64;
/** Prefixes expanding to fewer words are cheap enough to union on every search. */
const PREFIX_CACHE_MIN_TERMS = 64;
/** The pseudo-field geo filters are grouped under for disjunctive facets. */
const GEO_FIELD = '\u0000geo';

/** How one query slot matches: per level, per searchable field, the documents it matches there. */
interface SlotMatch {
  levels: { level: number; fields: (RoaringBitmap32 | undefined)[] }[];
  /** Every document the slot matches, whatever the level and field. */
  all: RoaringBitmap32;
  /** Vocabulary terms that count as this slot (for proximity and highlights). */
  terms: number[];
}

/** Why a hit ranks where it does, for tests and debugging. */
export interface RankingExplanation {
  typos: number;
  proximity: number;
  attribute: number;
  /** Per query word: 0 as typed, 1 a synonym, 2 a prefix or a typo; summed. */
  exactness: number;
}

/**
 * In-process search index implementing the search port: roaring bitmaps for postings,
 * filters and facets, a deletion-neighbourhood typo dictionary, Meilisearch-like ranking
 * rules with top-k selection. Single-threaded by design: a search runs to completion
 * without awaiting, so its scratch arrays are never shared between two searches.
 */
export class EmbeddedSearchEngine implements SearchIndex {
  private settings: IndexSettings = EMPTY_SETTINGS;
  private tokenizer!: Tokenizer;
  private synonyms!: SynonymTable;
  private index!: InvertedIndex;
  private facetIndex!: FacetIndex;
  private numeric!: Map<string, NumericColumn>;
  private geo: GeoColumn | undefined;
  private forward = new ForwardIndex();
  private store = new DocumentStore();
  private alive = new RoaringBitmap32();
  private readonly pendingAlive: number[] = [];
  private readonly scratch = new RankingScratch();
  private readonly filterCache = new Map<string, RoaringBitmap32>();
  private readonly prefixCache = new Map<string, (RoaringBitmap32 | undefined)[]>();
  /** Per-term stamps deduplicating (term, field) postings while a document is indexed. */
  private seen = new Uint32Array(0);
  private seenStamp = 0;

  constructor(
    readonly name: string,
    settings: IndexSettings = EMPTY_SETTINGS,
  ) {
    this.apply(settings);
  }

  async configure(settings: IndexSettings): Promise<void> {
    if (canonicalSettings(settings) === canonicalSettings(this.settings)) return;
    this.apply(settings);
    // Everything derived from documents depends on the settings: re-index the stored ones
    // under their internal ids, so ties keep their order.
    for (const doc of this.store.docs()) this.indexDocument(doc, this.store.get(doc)!);
    this.flush();
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    this.upsertSync(documents);
  }

  /** `upsert` without the promise, for bulk loads and benchmarks. */
  upsertSync(documents: readonly SearchDocument[]): void {
    const batch = new Map<string, SearchDocument>();
    for (const document of documents) {
      if (typeof document?.id !== 'string' || document.id === '') throw new Error('every document needs a non-empty string id');
      batch.set(document.id, document);
    }
    for (const document of batch.values()) {
      let doc = this.store.internalId(document.id);
      if (doc === undefined) doc = this.store.allocate(document.id);
      else this.unindex(doc);
      this.store.put(doc, document);
      this.indexDocument(doc, document);
    }
    this.flush();
  }

  async delete(ids: string[]): Promise<void> {
    for (const id of ids) {
      const doc = this.store.internalId(id);
      if (doc === undefined) continue;
      this.unindex(doc);
      this.store.delete(doc);
    }
    this.invalidateCaches();
  }

  async clear(): Promise<void> {
    this.store.clear();
    this.apply(this.settings);
  }

  async count(): Promise<number> {
    return this.store.count;
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    return this.searchSync(request);
  }

  /** `search` without the promise: the work is synchronous either way. */
  searchSync(request: SearchRequest): SearchResult {
    const { offset, limit } = request;
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 0) throw new Error('offset and limit must be non-negative integers');
    for (const field of request.facets) if (!this.facetIndex.has(field)) throw new Error(`"${field}" is not filterable, so it cannot be a facet`);

    const slots = this.synonyms.slots(queryWords(request.text ?? '', this.tokenizer));
    const matches = slots.map((slot) => this.resolve(slot));
    const textDocs = matches.length > 0 ? intersect(matches.map((m) => m.all)) : this.alive;
    const filters = request.filters.map((filter) => ({ field: filterField(filter), docs: this.filterDocs(filter) }));
    const candidates = intersect([textDocs, ...filters.map((f) => f.docs)]);

    const facets: Record<string, FacetCount[]> = {};
    for (const field of request.facets) {
      const others = filters.filter((f) => f.field !== field);
      const base = others.length === filters.length ? candidates : intersect([textDocs, ...others.map((f) => f.docs)]);
      facets[field] = this.facetCounts(field, base);
    }

    const ranked = this.rank(candidates, matches, request.sort, offset + limit);
    const point = pointOf(request.sort, request.filters);
    const matched = this.matchedTerms(matches);
    const hits = ranked.slice(offset).map((doc) => this.hit(doc, matched, point));
    return { hits, totalCount: candidates.size, facets };
  }

  /** The ranking rule values of a document for a text query (debugging, tests). */
  explain(text: string, id: string): RankingExplanation | undefined {
    const doc = this.store.internalId(id);
    if (doc === undefined) return undefined;
    const matches = this.synonyms.slots(queryWords(text, this.tokenizer)).map((slot) => this.resolve(slot));
    if (!matches.every((m) => m.all.has(doc))) return undefined;
    const only = new RoaringBitmap32([doc]);
    this.score(only, matches);
    const proximity = this.scratch.proximity(doc, this.forward, matches.length);
    this.releaseTermSlots(matches);
    return { ...explainPrimary(this.scratch.keys[doc]), proximity, exactness: this.scratch.second[doc] };
  }

  toSnapshot(): Buffer {
    return encodeSnapshot(this.snapshotData());
  }

  /**
   * `toSnapshot` in slices of about `sliceMs`, letting searches run in between. The engine must
   * not be written to (configure, upsert, delete, clear) until the promise settles: the caller
   * holds its writes meanwhile (`EmbeddedIndexStore` does).
   */
  toSnapshotInSteps(sliceMs?: number): Promise<Buffer> {
    return encodeSnapshotInSteps(this.snapshotData(), sliceMs);
  }

  private snapshotData(): SnapshotData {
    const documents = this.store.export();
    const forward = this.forward.export(documents.lengths.length);
    return {
      settings: this.settings,
      ids: documents.ids,
      documentBytes: documents.bytes,
      documentStarts: documents.starts,
      documentLengths: documents.lengths,
      terms: this.index.terms,
      sortedTerms: this.index.sortedTerms(),
      postings: this.index.entries(),
      typoKeys: this.index.typos.toKeys(),
      forwardArena: forward.arena,
      forwardStarts: forward.starts,
      forwardLengths: forward.lengths,
      facets: this.settings.filterable.map((field) => ({ field, values: [...this.facetIndex.values(field)].filter(([, bitmap]) => !bitmap.isEmpty) })),
      numeric: this.settings.numeric.map((field) => ({ field, values: this.numeric.get(field)!.values })),
      geo: this.geo ? this.geo.export(documents.lengths.length) : null,
      alive: this.alive,
    };
  }

  static fromSnapshot(buffer: Buffer, name: string): EmbeddedSearchEngine {
    const data = decodeSnapshot(buffer);
    const engine = new EmbeddedSearchEngine(name, data.settings);
    engine.store = DocumentStore.import(data.documentBytes, data.documentStarts, data.documentLengths, data.ids);
    engine.forward = ForwardIndex.import(data.forwardArena, data.forwardStarts, data.forwardLengths);
    engine.index = InvertedIndex.restore(engine.settings.searchable.length, data.terms, data.postings, TypoDictionary.fromKeys(data.typoKeys), data.sortedTerms);
    for (const { field, values } of data.facets) engine.facetIndex.restore(field, values);
    for (const { field, values } of data.numeric) engine.numeric.get(field)?.restore(values);
    if (data.geo && engine.geo) engine.geo.restore(data.geo.lat, data.geo.lng);
    engine.alive = data.alive;
    return engine;
  }

  private apply(settings: IndexSettings): void {
    if (settings.searchable.length > MAX_SEARCHABLE_FIELDS) throw new Error(`at most ${MAX_SEARCHABLE_FIELDS} searchable fields`);
    this.settings = normaliseSettings(settings);
    this.tokenizer = new Tokenizer(this.settings.stopWords);
    this.synonyms = new SynonymTable(this.settings.synonyms, this.tokenizer);
    this.index = new InvertedIndex(this.settings.searchable.length);
    this.facetIndex = new FacetIndex(this.settings.filterable);
    this.numeric = new Map(this.settings.numeric.map((field) => [field, new NumericColumn()]));
    this.geo = this.settings.geo ? new GeoColumn() : undefined;
    this.forward = new ForwardIndex();
    this.alive = new RoaringBitmap32();
    this.pendingAlive.length = 0;
    this.invalidateCaches();
  }

  private indexDocument(doc: number, document: SearchDocument): void {
    const terms: number[] = [];
    const { searchable, filterable, numeric, geo } = this.settings;
    for (let field = 0; field < searchable.length; field++) {
      const text = fieldText(document[searchable[field]]);
      if (text !== undefined) {
        const stamp = this.nextStamp();
        for (const token of this.tokenizer.tokens(text)) {
          const term = this.index.ensureTerm(token);
          terms.push(term);
          if (term >= this.seen.length) this.growSeen();
          if (this.seen[term] !== stamp) {
            this.seen[term] = stamp;
            this.index.add(term, field, doc);
          }
        }
      }
      terms.push(FIELD_END);
    }
    this.forward.set(doc, terms);
    for (const field of filterable) {
      for (const key of new Set(fieldValues(document[field]).map(facetKey))) this.facetIndex.add(field, key, doc);
    }
    for (const field of numeric) {
      const value = document[field];
      if (typeof value === 'number' && Number.isFinite(value)) this.numeric.get(field)!.set(doc, value);
    }
    if (geo && this.geo) {
      const lat = document[geo.lat];
      const lng = document[geo.lng];
      if (isLatLng(lat, lng)) this.geo.set(doc, lat, lng as number);
    }
    this.pendingAlive.push(doc);
  }

  /** Removes every trace of a stored document from the index (the store keeps its slot). */
  private unindex(doc: number): void {
    const terms = this.forward.get(doc);
    let field = 0;
    for (let i = 0; i < terms.length; i++) {
      if (terms[i] === FIELD_END) field++;
      else this.index.remove(terms[i], field, doc);
    }
    this.forward.remove(doc);
    const old = this.store.get(doc);
    if (old) for (const field of this.settings.filterable) for (const value of fieldValues(old[field])) this.facetIndex.remove(field, facetKey(value), doc);
    for (const column of this.numeric.values()) column.unset(doc);
    this.geo?.unset(doc);
    this.alive.remove(doc);
  }

  private flush(): void {
    this.index.flush();
    this.facetIndex.flush();
    if (this.pendingAlive.length > 0) {
      this.alive.addMany(Uint32Array.from(this.pendingAlive).sort());
      this.pendingAlive.length = 0;
    }
    this.invalidateCaches();
  }

  /** Cached filter and prefix bitmaps describe the documents as they were: any write drops them. */
  private invalidateCaches(): void {
    this.filterCache.clear();
    this.prefixCache.clear();
  }

  /** Finds what a query slot matches: exact term, prefixes, typo variants, synonyms. */
  private resolve(slot: QuerySlot): SlotMatch {
    const index = this.index;
    const levelOf = new Map<number, number>();
    const setLevel = (term: number, level: number) => {
      const current = levelOf.get(term);
      if (current === undefined || level < current) levelOf.set(term, level);
    };
    /** Per level, per field, bitmaps that are not a single term's posting (prefix unions, phrases). */
    const extra = new Map<number, RoaringBitmap32[][]>();
    const addExtra = (level: number, field: number, docs: RoaringBitmap32 | undefined) => {
      if (!docs) return;
      let fields = extra.get(level);
      if (!fields) extra.set(level, (fields = []));
      (fields[field] ??= []).push(docs);
    };
    let prefixTerms: number[] = [];
    if (slot.words.length === 1) {
      const word = slot.words[0];
      const exact = index.termId(word);
      if (exact !== undefined) setLevel(exact, Level.Exact);
      if (slot.prefix) {
        prefixTerms = index.prefixed(word);
        this.prefixFields(word, prefixTerms).forEach((docs, field) => addExtra(Level.Prefix, field, docs));
      }
      const typos = hasDigit(word) ? 0 : maxTypos(word.length);
      if (typos > 0) {
        for (const term of index.typos.candidates(word, typos, new Set())) {
          // A word the query word starts is already a (better) prefix match.
          if (levelOf.has(term) || (slot.prefix && index.terms[term].startsWith(word))) continue;
          const distance = damerauLevenshtein(word, index.terms[term], typos);
          if (distance === 0 || distance > typos) continue;
          setLevel(term, distance === 1 ? Level.OneTypo : Level.TwoTypos);
        }
      }
    }
    const phraseTerms: number[] = [];
    for (const alternative of slot.alternatives) {
      // The slot's own words (a phrase typed in full) are exact; the group's other members are synonyms.
      const level = sameWords(alternative, slot.words) ? Level.Exact : Level.Synonym;
      if (alternative.length === 1) {
        const term = index.termId(alternative[0]);
        if (term !== undefined) setLevel(term, level);
        continue;
      }
      const terms = alternative.map((word) => index.termId(word));
      if (terms.some((t) => t === undefined)) continue;
      const ids = terms as number[];
      // All words present, in any field; the attribute rank is the field where the last of them
      // is found (a phrase split between the title and the description ranks as the description).
      const docs = intersect(ids.map((term) => this.termDocs(term)));
      if (docs.isEmpty) continue;
      phraseTerms.push(...ids);
      const seen = ids.map(() => new RoaringBitmap32());
      const placed = new RoaringBitmap32();
      for (let field = 0; field < index.fieldCount && placed.size < docs.size; field++) {
        ids.forEach((term, i) => {
          const posting = index.posting(term, field);
          // Only the documents holding the whole phrase matter: small bitmaps, whatever the words.
          if (posting) seen[i].orInPlace(RoaringBitmap32.and(posting, docs));
        });
        const complete = seen[0].clone();
        for (let i = 1; i < seen.length && !complete.isEmpty; i++) complete.andInPlace(seen[i]);
        complete.andNotInPlace(placed);
        if (complete.isEmpty) continue;
        addExtra(level, field, complete);
        placed.orInPlace(complete);
      }
    }

    const byLevel = new Map<number, number[]>();
    for (const level of extra.keys()) byLevel.set(level, []);
    for (const [term, level] of levelOf) {
      const list = byLevel.get(level);
      if (list) list.push(term);
      else byLevel.set(level, [term]);
    }
    const levels: SlotMatch['levels'] = [];
    const everything: RoaringBitmap32[] = [];
    for (const level of [...byLevel.keys()].sort((a, b) => a - b)) {
      const terms = byLevel.get(level)!;
      const fields: (RoaringBitmap32 | undefined)[] = [];
      for (let field = 0; field < index.fieldCount; field++) {
        const parts: RoaringBitmap32[] = [];
        for (const term of terms) {
          const posting = index.posting(term, field);
          if (posting && !posting.isEmpty) parts.push(posting);
        }
        parts.push(...(extra.get(level)?.[field] ?? []));
        fields.push(union(parts));
        if (parts.length > 0) everything.push(fields[field]!);
      }
      levels.push({ level, fields });
    }
    return { levels, all: union(everything) ?? new RoaringBitmap32(), terms: [...levelOf.keys(), ...prefixTerms, ...phraseTerms] };
  }

  /**
   * Per field, the documents holding a word that starts with `prefix`. A short prefix is a
   * union of thousands of postings, typed again and again in a search-as-you-type box: the
   * unions of the widest prefixes are kept until the next write.
   */
  private prefixFields(prefix: string, terms: number[]): (RoaringBitmap32 | undefined)[] {
    const cached = this.prefixCache.get(prefix);
    if (cached) {
      this.prefixCache.delete(prefix);
      this.prefixCache.set(prefix, cached);
      return cached;
    }
    const fields: (RoaringBitmap32 | undefined)[] = [];
    for (let field = 0; field < this.index.fieldCount; field++) {
      const parts: RoaringBitmap32[] = [];
      for (const term of terms) {
        const posting = this.index.posting(term, field);
        if (posting && !posting.isEmpty) parts.push(posting);
      }
      fields.push(union(parts));
    }
    if (terms.length >= PREFIX_CACHE_MIN_TERMS) {
      if (this.prefixCache.size >= PREFIX_CACHE_SIZE) this.prefixCache.delete(this.prefixCache.keys().next().value!);
      this.prefixCache.set(prefix, fields);
    }
    return fields;
  }

  private termDocs(term: number): RoaringBitmap32 {
    const parts: RoaringBitmap32[] = [];
    for (let field = 0; field < this.index.fieldCount; field++) {
      const posting = this.index.posting(term, field);
      if (posting) parts.push(posting);
    }
    return union(parts) ?? new RoaringBitmap32();
  }

  private filterDocs(filter: Filter): RoaringBitmap32 {
    const key = JSON.stringify(filter);
    const cached = this.filterCache.get(key);
    if (cached) return cached;
    let docs: RoaringBitmap32;
    if (filter.kind === 'in') {
      if (!this.facetIndex.has(filter.field)) throw new Error(`"${filter.field}" is not filterable`);
      const parts: RoaringBitmap32[] = [];
      for (const value of new Set(filter.values.map(facetKey))) {
        const bitmap = this.facetIndex.bitmap(filter.field, value);
        if (bitmap) parts.push(bitmap);
      }
      docs = union(parts) ?? new RoaringBitmap32();
    } else if (filter.kind === 'range') {
      const column = this.numeric.get(filter.field);
      if (!column) throw new Error(`"${filter.field}" is not numeric`);
      docs = column.range(filter.gte ?? -Infinity, filter.lte ?? Infinity);
    } else {
      if (!this.geo) throw new Error('the index has no geo fields');
      if (!isLatLng(filter.lat, filter.lng) || !(filter.radiusKm >= 0)) throw new Error('geo filter needs a valid point and a non-negative radius');
      docs = this.geo.within(filter.lat, filter.lng, filter.radiusKm);
    }
    if (this.filterCache.size >= FILTER_CACHE_SIZE) this.filterCache.delete(this.filterCache.keys().next().value!);
    this.filterCache.set(key, docs);
    return docs;
  }

  private facetCounts(field: string, base: RoaringBitmap32): FacetCount[] {
    const counts: FacetCount[] = [];
    if (base.isEmpty) return counts;
    for (const [value, docs] of this.facetIndex.values(field)) {
      const count = base.andCardinality(docs);
      if (count > 0) counts.push({ value, count });
    }
    return counts.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }

  /** Fills the scratch relevance keys of `candidates` (rules 1–3) and the proximity term masks. */
  private score(candidates: RoaringBitmap32, matches: SlotMatch[]): Uint32Array {
    const scratch = this.scratch;
    scratch.prepare(this.store.capacity, matches.length, this.index.size);
    for (let slot = 0; slot < matches.length; slot++) {
      for (const { level, fields } of matches[slot].levels) {
        for (let field = 0; field < fields.length; field++) {
          const docs = fields[field];
          if (!docs) continue;
          scratch.mark(slot, level, field, RoaringBitmap32.and(docs, candidates).toUint32Array(scratch.markIds));
        }
      }
      if (matches.length > 1) for (const term of matches[slot].terms) scratch.termSlots[term] |= 1 << slot;
    }
    const ids = candidates.toUint32Array(scratch.candidateIds);
    scratch.computeKeys(ids, matches.length);
    return ids;
  }

  private releaseTermSlots(matches: SlotMatch[]): void {
    if (matches.length > 1) for (const match of matches) for (const term of match.terms) this.scratch.termSlots[term] = 0;
  }

  /** The first `k` documents of the result in order. */
  private rank(candidates: RoaringBitmap32, matches: SlotMatch[], sort: Sort, k: number): number[] {
    if (k === 0 || candidates.isEmpty) return [];
    const text = matches.length > 0;
    if (!text && sort.kind === 'relevance' && !this.settings.tieBreak?.length) return Array.from(candidates.toUint32Array(k));

    if (!text) this.scratch.prepare(this.store.capacity, 0, 0);
    const ids = text ? this.score(candidates, matches) : candidates.toUint32Array(this.scratch.candidateIds);
    try {
      const scratch = this.scratch;
      const keys = scratch.keys;
      const second = scratch.second;
      const forward = this.forward;
      const slots = matches.length;
      const proximity = (doc: number) => scratch.proximity(doc, forward, slots);
      const best = bestProximity(slots);
      const tieBreak = this.tieBreak();
      // Rules 4 to 6: exactness, the tie-break fields, the internal id.
      const rest = tieBreak
        ? (a: number, b: number) => second[a] - second[b] || tieBreak(a, b) || a - b
        : (a: number, b: number) => second[a] - second[b] || a - b;
      // Rule 3, proximity, computed last: only the document the later rules prefer needs it, and
      // not even that one when the other already has the best proximity a query can have.
      const proximityThenRest = (a: number, b: number) => {
        if (a === b) return 0;
        const r = rest(a, b);
        if (r > 0) {
          const pb = proximity(b);
          return pb === best ? 1 : proximity(a) - pb || 1;
        }
        const pa = proximity(a);
        return pa === best ? -1 : pa - proximity(b) || -1;
      };
      const relevance = !text
        ? tieBreak
          ? (a: number, b: number) => tieBreak(a, b) || a - b
          : (a: number, b: number) => a - b
        : slots > 1
          ? (a: number, b: number) => keys[a] - keys[b] || proximityThenRest(a, b)
          : (a: number, b: number) => keys[a] - keys[b] || rest(a, b);
      if (sort.kind === 'relevance') return topK(ids, k, relevance);
      const value = this.sortValue(sort);
      const direction = sort.kind === 'field' && sort.direction === 'desc' ? -1 : 1;
      return topK(ids, k, (a, b) => {
        const va = value(a);
        const vb = value(b);
        // Documents without a value go last whatever the direction.
        if (va !== vb) {
          if (Number.isNaN(va) || va === Infinity) return Number.isNaN(vb) || vb === Infinity ? relevance(a, b) : 1;
          if (Number.isNaN(vb) || vb === Infinity) return -1;
          return va < vb ? -direction : direction;
        }
        return relevance(a, b);
      });
    } finally {
      this.releaseTermSlots(matches);
    }
  }

  /**
   * The settings' tie-break fields as one comparison (fewer applications, then the newest, for
   * offers); a document without a value comes after those with one. Undefined when there are none.
   */
  private tieBreak(): ((a: number, b: number) => number) | undefined {
    const rules = (this.settings.tieBreak ?? []).map(({ field, direction }) => ({ values: this.numeric.get(field)?.values, sign: direction === 'desc' ? -1 : 1 }));
    if (rules.length === 0) return undefined;
    return (a, b) => {
      for (const { values, sign } of rules) {
        if (!values) continue;
        const va = a < values.length ? values[a] : NaN;
        const vb = b < values.length ? values[b] : NaN;
        if (va === vb) continue;
        if (Number.isNaN(va)) {
          if (!Number.isNaN(vb)) return 1;
          continue;
        }
        if (Number.isNaN(vb)) return -1;
        return va < vb ? -sign : sign;
      }
      return 0;
    };
  }

  private sortValue(sort: Exclude<Sort, { kind: 'relevance' }>): (doc: number) => number {
    if (sort.kind === 'distance') {
      if (!this.geo) throw new Error('the index has no geo fields');
      if (!isLatLng(sort.lat, sort.lng)) throw new Error('distance sort needs a valid point');
      return this.geo.distanceKey(sort.lat, sort.lng);
    }
    const column = this.numeric.get(sort.field);
    if (!column) throw new Error(`"${sort.field}" is not numeric, so it cannot be sorted on`);
    const values = column.values;
    return (doc) => (doc < values.length ? values[doc] : NaN);
  }

  private matchedTerms(matches: SlotMatch[]): Set<string> {
    const terms = new Set<string>();
    for (const match of matches) for (const term of match.terms) terms.add(this.index.terms[term]);
    return terms;
  }

  private hit(doc: number, matched: ReadonlySet<string>, point: { lat: number; lng: number } | undefined): SearchHit {
    const hit: SearchHit = { id: this.store.externalId(doc)!, highlights: {} };
    if (matched.size > 0) {
      const document = this.store.get(doc)!;
      for (const field of this.settings.searchable) {
        const text = fieldText(document[field]);
        const marked = text === undefined ? undefined : highlight(text, this.tokenizer, matched);
        if (marked !== undefined) hit.highlights[field] = marked;
      }
    }
    if (point && this.geo) {
      const distance = this.geo.distanceKm(doc, point.lat, point.lng);
      if (distance !== undefined) hit.distanceKm = distance;
    }
    return hit;
  }

  private nextStamp(): number {
    if (++this.seenStamp === 0xffffffff) {
      this.seen.fill(0);
      this.seenStamp = 1;
    }
    return this.seenStamp;
  }

  private growSeen(): void {
    const grown = new Uint32Array(Math.max(1024, this.index.size * 2));
    grown.set(this.seen);
    this.seen = grown;
  }
}

/** Intersection, smallest first; returns the input itself when there is only one (never mutated). */
function intersect(sets: RoaringBitmap32[]): RoaringBitmap32 {
  if (sets.length === 1) return sets[0];
  const sorted = [...sets].sort((a, b) => a.size - b.size);
  const result = RoaringBitmap32.and(sorted[0], sorted[1]);
  for (let i = 2; i < sorted.length && !result.isEmpty; i++) result.andInPlace(sorted[i]);
  return result;
}

/** Union; the input itself when there is only one (never mutated), undefined when none. */
function union(sets: RoaringBitmap32[]): RoaringBitmap32 | undefined {
  if (sets.length === 0) return undefined;
  if (sets.length === 1) return sets[0];
  return RoaringBitmap32.orMany(sets);
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

function filterField(filter: Filter): string {
  return filter.kind === 'geo' ? GEO_FIELD : filter.field;
}

/** The point distances are measured from: the distance sort's, else the first geo filter's. */
function pointOf(sort: Sort, filters: Filter[]): { lat: number; lng: number } | undefined {
  if (sort.kind === 'distance') return sort;
  return filters.find((f): f is Extract<Filter, { kind: 'geo' }> => f.kind === 'geo');
}

function normaliseSettings(settings: IndexSettings): IndexSettings {
  return {
    searchable: [...settings.searchable],
    filterable: [...new Set(settings.filterable)],
    numeric: [...new Set(settings.numeric)],
    ...(settings.geo ? { geo: { lat: settings.geo.lat, lng: settings.geo.lng } } : {}),
    ...(settings.tieBreak?.length ? { tieBreak: settings.tieBreak.map(({ field, direction }) => ({ field, direction })) } : {}),
    synonyms: settings.synonyms.map((group) => [...group]),
    stopWords: [...settings.stopWords],
  };
}

function canonicalSettings(settings: IndexSettings): string {
  const s = normaliseSettings(settings);
  return JSON.stringify([s.searchable, s.filterable, s.numeric, s.geo ?? null, s.synonyms, s.stopWords, s.tieBreak ?? []]);
}
