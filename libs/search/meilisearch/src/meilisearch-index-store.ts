import { randomBytes } from 'node:crypto';
import { Meilisearch, MeilisearchApiError, type Task } from 'meilisearch';
import {
  FacetCount,
  HIGHLIGHT_CLOSE,
  HIGHLIGHT_OPEN,
  Filter,
  IndexSettings,
  IndexStore,
  SearchDocument,
  SearchHit,
  SearchRequest,
  SearchResult,
  escapeHtml,
  meiliFilters,
  meiliSort,
} from '@alternance/search/domain';

export interface MeilisearchOptions {
  url: string;
  apiKey?: string;
  /** Prefix of every index uid, so several deployments can share one server. */
  prefix?: string;
  /** How long to wait for a task before giving up (the write is then retried by the relay). */
  taskTimeoutMs?: number;
}

/** Meilisearch's own index holding each index's outbox watermark. */
const META_INDEX = 'alternance_meta';

/** Meilisearch's typo rule, kept identical in the embedded engine: 1 typo from 5 letters, 2 from 9. */
const TYPO_TOLERANCE = { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } };

/** Equivalent-synonym groups become Meilisearch's "every member maps to every other" form. */
export function meiliSynonyms(groups: string[][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) {
    const members = [...new Set(group.map((m) => m.toLowerCase().trim()).filter(Boolean))];
    for (const member of members) out[member] = [...new Set([...(out[member] ?? []), ...members.filter((m) => m !== member)])];
  }
  return out;
}

/**
 * The ranking rules both adapters apply, in order (see IndexSettings): an explicit sort first (as
 * the embedded engine sorts before relevance), then every query word matched, fewer typos, the
 * better field (searchableAttributes' order), closer words, exactness (the typed word, then a
 * synonym, then a prefix or a typo: Meilisearch counts synonyms as words without typos, so the
 * typo rule leaves them to exactness), then the tie-break fields as custom rules. The field comes
 * before proximity (Meilisearch's default puts it after) because proximity is the costly rule: the
 * embedded engine only computes it for hits tying on the field.
 */
export const RELEVANCE_RULES = ['sort', 'words', 'typo', 'attribute', 'proximity', 'exactness'] as const;

export function meiliRankingRules(settings: Pick<IndexSettings, 'tieBreak'>): string[] {
  return [...RELEVANCE_RULES, ...(settings.tieBreak ?? []).map(({ field, direction }) => `${field}:${direction}`)];
}

export function meiliSettings(settings: IndexSettings) {
  const geo = settings.geo ? ['_geo'] : [];
  return {
    searchableAttributes: settings.searchable,
    filterableAttributes: [...settings.filterable, ...settings.numeric, ...geo],
    sortableAttributes: [...settings.numeric, ...geo],
    rankingRules: meiliRankingRules(settings),
    typoTolerance: TYPO_TOLERANCE,
    synonyms: meiliSynonyms(settings.synonyms),
    stopWords: settings.stopWords,
  };
}

/**
 * The production adapter, through the official client. Writes wait for their task to
 * succeed (a failed or timed-out task throws, and the relay retries the events), so the
 * watermark recorded afterwards never runs ahead of the data.
 */
export class MeilisearchIndexStore implements IndexStore {
  readonly name: string;
  private readonly client: Meilisearch;
  private readonly uid: string;
  private readonly timeout: number;
  private settings?: IndexSettings;

  constructor(name: string, options: MeilisearchOptions, client?: Meilisearch) {
    this.name = name;
    this.client = client ?? new Meilisearch({ host: options.url, apiKey: options.apiKey });
    this.uid = `${options.prefix ?? ''}${name}`;
    this.timeout = options.taskTimeoutMs ?? 30_000;
  }

  private async wait(promise: Promise<unknown> & { waitTask: (o?: { timeout?: number }) => Promise<Task> }): Promise<Task> {
    const task = await promise.waitTask({ timeout: this.timeout });
    if (task.status !== 'succeeded') {
      throw new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no error message'}`);
    }
    return task;
  }

  private async ensureIndex(uid: string): Promise<void> {
    try {
      await this.client.getIndex(uid);
    } catch (error) {
      if (!(error instanceof MeilisearchApiError) || error.cause?.code !== 'index_not_found') throw error;
      await this.wait(this.client.createIndex(uid, { primaryKey: 'id' }));
    }
  }

  async configure(settings: IndexSettings): Promise<void> {
    this.settings = settings;
    await this.ensureIndex(this.uid);
    await this.ensureIndex(META_INDEX);
    // Sending the same settings again is a no-op task: safe at every start.
    await this.wait(this.client.index(this.uid).updateSettings(meiliSettings(settings)));
  }

  private toMeili(doc: SearchDocument): Record<string, unknown> {
    const geo = this.settings?.geo;
    if (!geo) return { ...doc };
    const lat = doc[geo.lat];
    const lng = doc[geo.lng];
    return { ...doc, _geo: typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : null };
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    if (!documents.length) return;
    await this.wait(this.client.index(this.uid).addDocuments(documents.map((d) => this.toMeili(d)), { primaryKey: 'id' }));
  }

  async delete(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.wait(this.client.index(this.uid).deleteDocuments(ids));
  }

  async clear(): Promise<void> {
    await this.wait(this.client.index(this.uid).deleteAllDocuments());
  }

  async count(): Promise<number> {
    return (await this.client.index(this.uid).getStats()).numberOfDocuments;
  }

  /**
   * One request through multi-search: the page with the facets whose field is not filtered,
   * plus, for each filtered facet field, a count-only query without that field's filters
   * (so a facet's counts ignore its own filter, as in the embedded engine).
   */
  async search(request: SearchRequest): Promise<SearchResult> {
    const text = request.text ?? '';
    const filteredFields = new Set(request.filters.flatMap((f) => (f.kind === 'in' || f.kind === 'range' ? [f.field] : [])));
    const ownFacets = request.facets.filter((f) => !filteredFields.has(f));
    const crossFacets = request.facets.filter((f) => filteredFields.has(f));
    const searchable = this.settings?.searchable ?? ['*'];
    const markers = highlightMarkers();
    const main = {
      indexUid: this.uid,
      q: text,
      filter: meiliFilters(request.filters),
      sort: meiliSort(request.sort),
      offset: request.offset,
      limit: request.limit,
      facets: ownFacets,
      attributesToHighlight: searchable,
      highlightPreTag: markers.pre,
      highlightPostTag: markers.post,
      attributesToRetrieve: ['id'],
    };
    const others = crossFacets.map((field) => ({
      indexUid: this.uid,
      q: text,
      filter: meiliFilters(request.filters.filter((f: Filter) => !(f.kind !== 'geo' && f.field === field))),
      limit: 0,
      facets: [field],
    }));
    const { results } = await this.client.multiSearch({ queries: [main, ...others] });
    const [page, ...facetPages] = results as unknown as MeiliSearchResponse[];
    const facets: Record<string, FacetCount[]> = {};
    for (const field of ownFacets) facets[field] = facetCounts(page.facetDistribution?.[field]);
    crossFacets.forEach((field, i) => (facets[field] = facetCounts(facetPages[i].facetDistribution?.[field])));
    return {
      hits: page.hits.map((hit) => toHit(hit, searchable, markers)),
      totalCount: page.totalHits ?? page.estimatedTotalHits ?? page.hits.length,
      facets,
    };
  }

  async appliedUpTo(): Promise<number> {
    try {
      const doc = await this.client.index(META_INDEX).getDocument<{ id: string; appliedUpTo: number }>(this.uid);
      return doc.appliedUpTo;
    } catch (error) {
      if (error instanceof MeilisearchApiError && ['document_not_found', 'index_not_found'].includes(error.cause?.code ?? '')) return 0;
      throw error;
    }
  }

  async markApplied(eventId: number): Promise<void> {
    await this.wait(this.client.index(META_INDEX).addDocuments([{ id: this.uid, appliedUpTo: eventId }], { primaryKey: 'id' }));
  }

  async close(): Promise<void> {
    // Every write already waited for its task: nothing is pending.
  }
}

interface MeiliSearchResponse {
  hits: { id: string; _formatted?: Record<string, unknown>; _geoDistance?: number }[];
  estimatedTotalHits?: number;
  totalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

function facetCounts(distribution: Record<string, number> | undefined): FacetCount[] {
  return Object.entries(distribution ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function toHit(hit: MeiliSearchResponse['hits'][number], searchable: string[], markers: HighlightMarkers): SearchHit {
  const highlights: Record<string, string> = {};
  for (const field of searchable) {
    const value = hit._formatted?.[field];
    const snippet = typeof value === 'string' ? markedToHtml(value, markers) : undefined;
    if (snippet !== undefined) highlights[field] = snippet;
  }
  return { id: String(hit.id), highlights, ...(hit._geoDistance != null ? { distanceKm: hit._geoDistance / 1000 } : {}) };
}

interface HighlightMarkers {
  pre: string;
  post: string;
}

/**
 * Meilisearch writes its highlight tags into the stored text without escaping it, so tags that
 * are HTML (`<em>`) could not be told from the same text typed in an offer. Fresh random
 * markers for each search cannot be in any stored text (it was written before they existed),
 * and hold no character that HTML escaping would change.
 */
function highlightMarkers(): HighlightMarkers {
  const nonce = randomBytes(16).toString('hex');
  // Brackets only at the ends: no occurrence of one marker can begin inside another.
  return { pre: `[hl:${nonce}:start]`, post: `[hl:${nonce}:end]` };
}

/**
 * Meilisearch's formatted text as HTML: every part escaped, each start marker followed by an
 * end marker turned into <em>…</em>. A marker without its partner (which Meilisearch never
 * writes) stays as escaped text, and a start marker followed by another start gives way to it,
 * so the result never holds an unbalanced or nested <em>. Undefined when nothing matched.
 */
function markedToHtml(formatted: string, { pre, post }: HighlightMarkers): string | undefined {
  let out = '';
  let emitted = 0;
  let open = -1;
  let nextPre = formatted.indexOf(pre);
  let nextPost = formatted.indexOf(post);
  while (nextPost !== -1) {
    if (nextPre !== -1 && nextPre < nextPost) {
      open = nextPre;
      nextPre = formatted.indexOf(pre, nextPre + pre.length);
      continue;
    }
    if (open !== -1) {
      out += escapeHtml(formatted.slice(emitted, open)) + HIGHLIGHT_OPEN + escapeHtml(formatted.slice(open + pre.length, nextPost)) + HIGHLIGHT_CLOSE;
      emitted = nextPost + post.length;
      open = -1;
    }
    nextPost = formatted.indexOf(post, nextPost + post.length);
  }
  return emitted === 0 ? undefined : out + escapeHtml(formatted.slice(emitted));
}
