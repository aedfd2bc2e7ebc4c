/**
 * The search port's typed model, shared by both adapters (the embedded engine and
 * Meilisearch). Filters are data, never strings a user wrote: each adapter builds its own
 * query from them, quoting values itself.
 */

export type FieldValue = string | number | boolean;

/** A document as indexed: flat fields of scalars or arrays of scalars. */
export interface SearchDocument {
  id: string;
  [field: string]: FieldValue | FieldValue[] | null | undefined;
}

/** One condition; all conditions of a query must hold (AND). */
export type Filter =
  /** The field (or one of its values, for arrays) equals one of these (OR within). */
  | { kind: 'in'; field: string; values: FieldValue[] }
  /** Numeric field within bounds (inclusive); dates are indexed as epoch days or ms. */
  | { kind: 'range'; field: string; gte?: number; lte?: number }
  /** Within `radiusKm` of a point (the index's geo field). */
  | { kind: 'geo'; lat: number; lng: number; radiusKm: number };

export type Sort =
  | { kind: 'relevance' }
  | { kind: 'field'; field: string; direction: 'asc' | 'desc' }
  | { kind: 'distance'; lat: number; lng: number };

export interface SearchRequest {
  /** Free text; empty means "match every document that passes the filters". */
  text?: string;
  filters: Filter[];
  sort: Sort;
  offset: number;
  limit: number;
  /** Fields whose value counts to return. Each facet ignores the filters on its own field. */
  facets: string[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchHit {
  id: string;
  /** Field → the field's text, HTML-escaped, with matched words wrapped in <em>…</em> (text fields only; see escapeHtml). */
  highlights: Record<string, string>;
  /** Distance from the sort or geo-filter point, when there is one. */
  distanceKm?: number;
}

export interface SearchResult {
  hits: SearchHit[];
  totalCount: number;
  facets: Record<string, FacetCount[]>;
}

/** What an index is made of: which fields are searched, filtered, sorted and faceted. */
export interface IndexSettings {
  /**
   * Text fields, most important first: a match in an earlier field ranks higher. Ranking rules,
   * the same in both adapters: fewer typos, the better field, closer query words, exactness
   * (the word as typed, then a synonym, then a prefix or a typo), `tieBreak`, indexing order.
   */
  searchable: string[];
  /** Fields usable in `in` filters and facets (strings, booleans, numbers, or arrays of them). */
  filterable: string[];
  /** Numeric fields usable in `range` filters and field sorts. */
  numeric: string[];
  /** Field names holding the coordinates, for `geo` filters and distance sorts. */
  geo?: { lat: string; lng: string };
  /**
   * Numeric fields (among `numeric`) that order hits tying on every relevance rule, in order:
   * for offers, fewer applications first (fair exposure), then the newest.
   */
  tieBreak?: { field: string; direction: 'asc' | 'desc' }[];
  /** Groups of words or phrases that mean the same (e.g. an abbreviation and its expansion). */
  synonyms: string[][];
  /** Words ignored in queries and documents (after accent and case folding). */
  stopWords: string[];
}

/** The port: both adapters implement it, and one contract test suite runs against each. */
export interface SearchIndex {
  readonly name: string;
  /** Applies the settings; idempotent. */
  configure(settings: IndexSettings): Promise<void>;
  /** Inserts or replaces documents by id. */
  upsert(documents: SearchDocument[]): Promise<void>;
  delete(ids: string[]): Promise<void>;
  /** Removes every document (settings stay). */
  clear(): Promise<void>;
  search(request: SearchRequest): Promise<SearchResult>;
  count(): Promise<number>;
}

/**
 * An index as the outbox relay sees it: the port plus a durable record of the last outbox
 * event applied, kept with the index's own data so a crash can never separate the two.
 */
export interface IndexStore extends SearchIndex {
  /** The last outbox event id whose effect is durable in this index (0 for none). */
  appliedUpTo(): Promise<number>;
  /** Everything upserted or deleted so far reflects events up to `eventId`: make it durable. */
  markApplied(eventId: number): Promise<void>;
  /** Flushes pending durability work (on shutdown). */
  close(): Promise<void>;
}
