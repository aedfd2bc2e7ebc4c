import { IndexSettings, IndexStore, SearchDocument, SearchResult } from '@alternance/search/domain';

/**
 * The behaviour every search adapter must share, written once and run against each adapter
 * that is available (the embedded engine always; Meilisearch when MEILI_URL is set).
 */
export const CONTRACT_SETTINGS: IndexSettings = {
  searchable: ['title', 'description'],
  filterable: ['contractType', 'remotePolicy', 'romeDomain', 'tags'],
  numeric: ['startDay', 'publishedAtMs'],
  geo: { lat: 'lat', lng: 'lng' },
  synonyms: [['vbp', 'vendeur en boulangerie patisserie']],
  stopWords: ['alternance', 'en'],
};

export const CONTRACT_DOCUMENTS: SearchDocument[] = [
  { id: 'lyon-web', title: 'Développeur web en alternance', description: 'JavaScript et React', contractType: 'APPRENTICESHIP', remotePolicy: 'HYBRID', romeDomain: 'M', tags: ['web', 'js'], startDay: 20000, publishedAtMs: 3, lat: 45.76, lng: 4.84 },
  { id: 'rennes-java', title: 'Développeur Java', description: 'Spring et PostgreSQL', contractType: 'APPRENTICESHIP', remotePolicy: 'ONSITE', romeDomain: 'M', tags: ['java'], startDay: 20100, publishedAtMs: 1, lat: 48.11, lng: -1.68 },
  { id: 'marseille-vbp', title: 'Vendeur en boulangerie-pâtisserie', description: 'Accueil et vente', contractType: 'PROFESSIONALISATION', remotePolicy: 'ONSITE', romeDomain: 'D', tags: [], startDay: 20050, publishedAtMs: 2, lat: 43.3, lng: 5.37 },
  { id: 'lyon-support', title: 'Technicien support informatique', description: 'Assistance aux utilisateurs', contractType: 'POEI', remotePolicy: 'REMOTE', romeDomain: 'I', tags: ['support'], startDay: 20010, publishedAtMs: 4, lat: 45.75, lng: 4.85 },
];

export interface ContractHooks {
  /** Creates an empty, configured index. */
  open(): Promise<IndexStore>;
  /** Releases it. */
  dispose(index: IndexStore): Promise<void>;
}

const ids = (r: SearchResult) => r.hits.map((h) => h.id);
const base = { filters: [], sort: { kind: 'relevance' as const }, offset: 0, limit: 20, facets: [] };

export function describeSearchIndexContract(adapter: string, hooks: ContractHooks): void {
  describe(`SearchIndex contract: ${adapter}`, () => {
    let index: IndexStore;
    beforeEach(async () => {
      index = await hooks.open();
      await index.upsert(CONTRACT_DOCUMENTS);
    });
    afterEach(() => hooks.dispose(index));

    it('counts, replaces and deletes documents by id', async () => {
      expect(await index.count()).toBe(4);
      await index.upsert([{ ...CONTRACT_DOCUMENTS[1], title: 'Développeur Kotlin', description: 'Ktor' }]);
      expect(await index.count()).toBe(4);
      // The last word is also a prefix: "java" still finds JavaScript, no longer the replaced Java offer.
      expect(ids(await index.search({ ...base, text: 'java' }))).toEqual(['lyon-web']);
      expect(ids(await index.search({ ...base, text: 'spring' }))).toEqual([]);
      expect(ids(await index.search({ ...base, text: 'kotlin' }))).toEqual(['rennes-java']);
      await index.delete(['rennes-java']);
      expect(ids(await index.search({ ...base, text: 'kotlin' }))).toEqual([]);
      expect(await index.count()).toBe(3);
    });

    it('tolerates typos by word length, accents, case and unfinished last words', async () => {
      expect(ids(await index.search({ ...base, text: 'devlopeur' })).sort()).toEqual(['lyon-web', 'rennes-java']);
      expect(ids(await index.search({ ...base, text: 'DÉVELOPP' })).sort()).toEqual(['lyon-web', 'rennes-java']);
      expect(ids(await index.search({ ...base, text: 'jaav' }))).toEqual([]);
      expect(ids(await index.search({ ...base, text: 'techncien' }))).toEqual(['lyon-support']);
    });

    it('requires every word, applies synonyms and ignores stop words', async () => {
      expect(ids(await index.search({ ...base, text: 'développeur spring' }))).toEqual(['rennes-java']);
      expect(ids(await index.search({ ...base, text: 'développeur java' })).sort()).toEqual(['lyon-web', 'rennes-java']);
      expect(ids(await index.search({ ...base, text: 'vbp' }))).toEqual(['marseille-vbp']);
      expect(ids(await index.search({ ...base, text: 'alternance spring' }))).toEqual(['rennes-java']);
    });

    it('filters by values, ranges and distance; an empty query lists every match', async () => {
      const search = (filters: Parameters<IndexStore['search']>[0]['filters']) => index.search({ ...base, filters }).then((r) => ids(r).sort());
      expect(await search([{ kind: 'in', field: 'contractType', values: ['POEI', 'PROFESSIONALISATION'] }])).toEqual(['lyon-support', 'marseille-vbp']);
      expect(await search([{ kind: 'in', field: 'tags', values: ['js'] }])).toEqual(['lyon-web']);
      expect(await search([{ kind: 'range', field: 'startDay', gte: 20010, lte: 20060 }])).toEqual(['lyon-support', 'marseille-vbp']);
      expect(await search([{ kind: 'geo', lat: 45.76, lng: 4.84, radiusKm: 20 }])).toEqual(['lyon-support', 'lyon-web']);
      expect(await search([{ kind: 'in', field: 'contractType', values: ['"APPRENTICESHIP" OR 1=1'] }])).toEqual([]);
    });

    it('counts facets over the other filters only', async () => {
      const result = await index.search({ ...base, filters: [{ kind: 'in', field: 'contractType', values: ['APPRENTICESHIP'] }], facets: ['contractType', 'remotePolicy'] });
      expect(result.totalCount).toBe(2);
      expect(result.facets.contractType).toEqual([
        { value: 'APPRENTICESHIP', count: 2 },
        { value: 'POEI', count: 1 },
        { value: 'PROFESSIONALISATION', count: 1 },
      ]);
      expect(result.facets.remotePolicy).toEqual([
        { value: 'HYBRID', count: 1 },
        { value: 'ONSITE', count: 1 },
      ]);
    });

    it('sorts by a field and by distance, and pages', async () => {
      expect(ids(await index.search({ ...base, sort: { kind: 'field', field: 'publishedAtMs', direction: 'desc' } }))).toEqual(['lyon-support', 'lyon-web', 'marseille-vbp', 'rennes-java']);
      const near = await index.search({ ...base, sort: { kind: 'distance', lat: 48.11, lng: -1.68 } });
      expect(ids(near)[0]).toBe('rennes-java');
      expect(ids(near)[3]).toBe('marseille-vbp');
      expect(near.hits[0].distanceKm).toBeLessThan(1);
      const page = await index.search({ ...base, sort: { kind: 'field', field: 'startDay', direction: 'asc' }, offset: 1, limit: 2 });
      expect(ids(page)).toEqual(['lyon-support', 'marseille-vbp']);
      expect(page.totalCount).toBe(4);
    });

    it('highlights matched words in the original text', async () => {
      const [hit] = (await index.search({ ...base, text: 'java' })).hits;
      expect(hit.highlights.title).toBe('Développeur <em>Java</em>');
    });

    it('escapes the stored text of highlights: only <em> is markup', async () => {
      await index.upsert([
        { id: 'hostile', title: 'Boulanger <img src=x onerror=alert(1)>', description: `<em>Fournil</em> & "four" 'maison' <script>alert(1)</script>`, contractType: 'POEI', remotePolicy: 'ONSITE', romeDomain: 'D', tags: [], startDay: 20000, publishedAtMs: 5 },
      ]);
      // "boulanger" is also a prefix of the bakery offer's "boulangerie".
      const byTitle = (await index.search({ ...base, text: 'boulanger' })).hits.find((h) => h.id === 'hostile')!;
      expect(byTitle.highlights).toEqual({ title: '<em>Boulanger</em> &lt;img src=x onerror=alert(1)&gt;' });
      const [byDescription] = (await index.search({ ...base, text: 'fournil' })).hits;
      expect(byDescription.highlights).toEqual({ description: '&lt;em&gt;<em>Fournil</em>&lt;/em&gt; &amp; &quot;four&quot; &#39;maison&#39; &lt;script&gt;alert(1)&lt;/script&gt;' });
    });

    it('keeps a durable watermark of applied outbox events, and clears', async () => {
      expect(await index.appliedUpTo()).toBe(0);
      await index.markApplied(17);
      expect(await index.appliedUpTo()).toBe(17);
      await index.clear();
      expect(await index.count()).toBe(0);
    });
  });
}
