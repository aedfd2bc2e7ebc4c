import { IndexSettings } from '@alternance/search/domain';
import { FakeMeilisearch } from './fake-meilisearch';
import { MeilisearchIndexStore, meiliSynonyms } from './meilisearch-index-store';

interface MultiSearchBody {
  queries: { highlightPreTag: string; highlightPostTag: string }[];
}

/** Meilisearch's answer to the page query, with `_formatted` built from the markers the adapter asked for. */
function formattedPage(hits: (tags: { pre: string; post: string }) => Record<string, unknown>[]) {
  return ({ queries: [{ highlightPreTag: pre, highlightPostTag: post }] }: MultiSearchBody) => ({
    results: [{ indexUid: 'test_offers', hits: hits({ pre, post }), query: 'boulanger', processingTimeMs: 1, limit: 10, offset: 0, estimatedTotalHits: 1 }],
  });
}

/** The escaping a snippet must carry, written independently of the adapter's. */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const settings: IndexSettings = {
  searchable: ['title', 'description'],
  filterable: ['contractType', 'remotePolicy'],
  numeric: ['publishedAtMs'],
  geo: { lat: 'lat', lng: 'lng' },
  synonyms: [['bts', 'brevet de technicien superieur']],
  stopWords: ['alternance'],
};

describe('Meilisearch adapter at the HTTP contract', () => {
  let server: FakeMeilisearch;
  let store: MeilisearchIndexStore;

  beforeEach(async () => {
    server = new FakeMeilisearch();
    await server.start();
    store = new MeilisearchIndexStore('offers', { url: server.url, apiKey: 'master-key-for-tests', prefix: 'test_', taskTimeoutMs: 5000 });
  });
  afterEach(() => server.stop());

  it('creates the index with its primary key and applies the settings, waiting for each task', async () => {
    await store.configure(settings);
    expect(server.requestsTo('POST', '/indexes').map((r) => r.body)).toEqual([
      { uid: 'test_offers', primaryKey: 'id' },
      { uid: 'alternance_meta', primaryKey: 'id' },
    ]);
    const [patch] = server.requestsTo('PATCH', '/indexes/test_offers/settings');
    expect(patch.body).toEqual({
      searchableAttributes: ['title', 'description'],
      filterableAttributes: ['contractType', 'remotePolicy', 'publishedAtMs', '_geo'],
      sortableAttributes: ['publishedAtMs', '_geo'],
      rankingRules: ['sort', 'words', 'typo', 'attribute', 'proximity', 'exactness'],
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
      synonyms: { bts: ['brevet de technicien superieur'], 'brevet de technicien superieur': ['bts'] },
      stopWords: ['alternance'],
    });
    expect(patch.headers.authorization).toBe('Bearer master-key-for-tests');
    // Every task was polled until it left "processing".
    expect(server.requests.filter((r) => r.path.startsWith('/tasks/')).length).toBeGreaterThanOrEqual(6);
  });

  it('is idempotent: a second start creates nothing and resends the same settings', async () => {
    await store.configure(settings);
    const created = server.requestsTo('POST', '/indexes').length;
    await store.configure(settings);
    expect(server.requestsTo('POST', '/indexes')).toHaveLength(created);
    const patches = server.requestsTo('PATCH', '/indexes/test_offers/settings');
    expect(patches[1].body).toEqual(patches[0].body);
  });

  it('sends documents with _geo, deletes by id, and reads the count', async () => {
    await store.configure(settings);
    await store.upsert([{ id: 'o1', title: 'Boulanger', lat: 48.1, lng: -1.68, contractType: 'APPRENTICESHIP' }]);
    const [add] = server.requestsTo('POST', '/indexes/test_offers/documents');
    expect(add.query).toBe('primaryKey=id');
    expect(add.body).toEqual([{ id: 'o1', title: 'Boulanger', lat: 48.1, lng: -1.68, contractType: 'APPRENTICESHIP', _geo: { lat: 48.1, lng: -1.68 } }]);
    expect(await store.count()).toBe(1);
    await store.delete(['o1']);
    expect(server.requestsTo('POST', '/indexes/test_offers/documents/delete-batch')[0].body).toEqual(['o1']);
    expect(await store.count()).toBe(0);
  });

  it('fails the write when Meilisearch reports the task failed, so the relay retries it', async () => {
    await store.configure(settings);
    server.failNextTask = 'The `_geo` field in the document with the id: `o2` is not an object.';
    await expect(store.upsert([{ id: 'o2', title: 'x' }])).rejects.toThrow(/failed: The `_geo` field/);
  });

  it('keeps the outbox watermark in its meta index: 0 before anything, then what was marked', async () => {
    await store.configure(settings);
    expect(await store.appliedUpTo()).toBe(0);
    await store.markApplied(42);
    expect(await store.appliedUpTo()).toBe(42);
    expect(server.requestsTo('POST', '/indexes/alternance_meta/documents')[0].body).toEqual([{ id: 'test_offers', appliedUpTo: 42 }]);
  });

  it('searches in one multi-search: quoted filters, and a facet query that drops its own filter', async () => {
    await store.configure(settings);
    server.searchResponses.push(({ queries: [{ highlightPreTag: pre, highlightPostTag: post }] }: MultiSearchBody) => ({
      results: [
        {
          indexUid: 'test_offers',
          hits: [{ id: 'o1', _formatted: { id: 'o1', title: `${pre}Boulanger${post} en alternance`, description: 'Pains' }, _geoDistance: 1234 }],
          query: 'boulanger',
          processingTimeMs: 1,
          limit: 10,
          offset: 0,
          estimatedTotalHits: 1,
          facetDistribution: { remotePolicy: { ONSITE: 1 } },
        },
        { indexUid: 'test_offers', hits: [], query: 'boulanger', processingTimeMs: 1, limit: 0, offset: 0, estimatedTotalHits: 7, facetDistribution: { contractType: { APPRENTICESHIP: 1, POEI: 6 } } },
      ],
    }));
    const result = await store.search({
      text: 'boulanger',
      filters: [
        { kind: 'in', field: 'contractType', values: ['APPRENTICESHIP', 'x" OR 1=1'] },
        { kind: 'geo', lat: 48.1, lng: -1.68, radiusKm: 10 },
      ],
      sort: { kind: 'distance', lat: 48.1, lng: -1.68 },
      offset: 0,
      limit: 10,
      facets: ['contractType', 'remotePolicy'],
    });
    const [request] = server.requestsTo('POST', '/multi-search');
    expect(request.body).toEqual({
      queries: [
        {
          indexUid: 'test_offers',
          q: 'boulanger',
          filter: ['contractType IN ["APPRENTICESHIP", "x\\" OR 1=1"]', '_geoRadius(48.1, -1.68, 10000)'],
          sort: ['_geoPoint(48.1, -1.68):asc'],
          offset: 0,
          limit: 10,
          facets: ['remotePolicy'],
          attributesToHighlight: ['title', 'description'],
          highlightPreTag: expect.any(String),
          highlightPostTag: expect.any(String),
          attributesToRetrieve: ['id'],
        },
        { indexUid: 'test_offers', q: 'boulanger', filter: ['_geoRadius(48.1, -1.68, 10000)'], limit: 0, facets: ['contractType'] },
      ],
    });
    expect(result).toEqual({
      hits: [{ id: 'o1', highlights: { title: '<em>Boulanger</em> en alternance' }, distanceKm: 1.234 }],
      totalCount: 1,
      facets: {
        remotePolicy: [{ value: 'ONSITE', count: 1 }],
        contractType: [
          { value: 'POEI', count: 6 },
          { value: 'APPRENTICESHIP', count: 1 },
        ],
      },
    });
  });
});

describe('Meilisearch highlights', () => {
  let server: FakeMeilisearch;
  let store: MeilisearchIndexStore;
  const query = { text: 'boulanger', filters: [], sort: { kind: 'relevance' as const }, offset: 0, limit: 10, facets: [] };

  beforeEach(async () => {
    server = new FakeMeilisearch();
    await server.start();
    store = new MeilisearchIndexStore('offers', { url: server.url, prefix: 'test_', taskTimeoutMs: 5000 });
    await store.configure(settings);
  });
  afterEach(() => server.stop());

  it('asks for markers of its own at each search, which no stored text can know in advance', async () => {
    server.searchResponses.push(formattedPage(() => []), formattedPage(() => []));
    await store.search(query);
    await store.search(query);
    const tags = server.requestsTo('POST', '/multi-search').map((r) => (r.body as MultiSearchBody).queries[0]);
    for (const { highlightPreTag, highlightPostTag } of tags) {
      expect(highlightPreTag).not.toBe(highlightPostTag);
      expect(highlightPreTag).not.toMatch(/<\/?em>/);
      expect(highlightPreTag.length).toBeGreaterThanOrEqual(16);
    }
    expect(tags[1].highlightPreTag).not.toBe(tags[0].highlightPreTag);
    expect(tags[1].highlightPostTag).not.toBe(tags[0].highlightPostTag);
  });

  it('escapes the text Meilisearch formats and turns only its markers into <em>', async () => {
    server.searchResponses.push(
      formattedPage(({ pre, post }) => [
        {
          id: 'o1',
          _formatted: {
            id: 'o1',
            title: `${pre}Boulanger${post} <img src=x onerror=alert(1)>`,
            description: `<em>Fournil</em> & "${pre}boulangerie${post}" 'maison' <script>alert(1)</script>`,
          },
        },
        // Meilisearch formats every asked attribute, matched or not: a literal <em> is no match.
        { id: 'o2', _formatted: { id: 'o2', title: 'Chez <em>nous</em>', description: `Pains de ${pre}boulanger${post}` } },
      ]),
    );
    const { hits } = await store.search(query);
    expect(hits).toEqual([
      {
        id: 'o1',
        highlights: {
          title: '<em>Boulanger</em> &lt;img src=x onerror=alert(1)&gt;',
          description: '&lt;em&gt;Fournil&lt;/em&gt; &amp; &quot;<em>boulangerie</em>&quot; &#39;maison&#39; &lt;script&gt;alert(1)&lt;/script&gt;',
        },
      },
      { id: 'o2', highlights: { description: 'Pains de <em>boulanger</em>' } },
    ]);
  });

  it('keeps a marker found in the stored text as escaped text, never as an unbalanced <em>', async () => {
    server.searchResponses.push(
      formattedPage(({ pre, post }) => [
        {
          id: 'o1',
          _formatted: {
            id: 'o1',
            title: `${pre}<b>${pre}Boulanger${post} ${post}<img src=x onerror=alert(1)>`,
            description: `${post}fin${pre} <script>${pre}`,
          },
        },
      ]),
    );
    const { hits } = await store.search(query);
    const [{ highlightPreTag: pre, highlightPostTag: post }] = (server.requestsTo('POST', '/multi-search')[0].body as MultiSearchBody).queries;
    expect(hits).toEqual([{ id: 'o1', highlights: { title: `${escape(pre)}&lt;b&gt;<em>Boulanger</em> ${escape(post)}&lt;img src=x onerror=alert(1)&gt;` } }]);
  });
});

describe('synonym groups', () => {
  it('become Meilisearch mutual synonyms, merged across groups', () => {
    expect(meiliSynonyms([['BTS', 'brevet de technicien superieur'], ['bts', 'bts sio']])).toEqual({
      bts: ['brevet de technicien superieur', 'bts sio'],
      'brevet de technicien superieur': ['bts'],
      'bts sio': ['bts'],
    });
  });
});
