import { IndexSettings, OFFER_INDEX_SETTINGS, SearchDocument, SearchIndex, offerDocument, IndexableOffer } from '@alternance/search/domain';
import { EmbeddedSearchEngine } from '@alternance/search/engine';
import { FakeMeilisearch, MeilisearchIndexStore, RELEVANCE_RULES } from '@alternance/search/meilisearch';
import { ContractType, OfferStatus, RemotePolicy } from '@alternance/offers/domain';

/**
 * The ranking rules on small hand-made indexes, run on the embedded engine and on the
 * Meilisearch adapter against the stand-in server. The stand-in does not rank by itself: it
 * reads back the settings the adapter sent (searchable attributes, synonyms, stop words,
 * ranking rules) and answers with a model of Meilisearch's rules built from them, refusing
 * settings whose ranking rules are not the ones both adapters promise. So a rule the adapter's
 * settings did not express (a field order, a tie-break, a synonym) fails here.
 */

interface MeiliSettingsSent {
  searchableAttributes: string[];
  filterableAttributes: string[];
  sortableAttributes: string[];
  rankingRules: string[];
  synonyms: Record<string, string[]>;
  stopWords: string[];
}

/** Meilisearch's settings read back as the equivalent settings of the embedded model. */
function modelSettings(sent: MeiliSettingsSent): IndexSettings {
  const rules = sent.rankingRules;
  if (RELEVANCE_RULES.some((rule, i) => rules[i] !== rule)) throw new Error(`the stand-in models the ranking rules ${RELEVANCE_RULES.join(', ')}, not ${rules.join(', ')}`);
  const tieBreak = rules.slice(RELEVANCE_RULES.length).map((rule) => {
    const [field, direction] = rule.split(':');
    if (!sent.sortableAttributes.includes(field) || (direction !== 'asc' && direction !== 'desc')) throw new Error(`custom ranking rule ${rule} needs a sortable field and asc or desc`);
    return { field, direction: direction as 'asc' | 'desc' };
  });
  const numeric = sent.sortableAttributes.filter((f) => f !== '_geo');
  return {
    searchable: sent.searchableAttributes,
    filterable: sent.filterableAttributes.filter((f) => f !== '_geo' && !numeric.includes(f)),
    numeric,
    tieBreak,
    synonyms: Object.entries(sent.synonyms).map(([word, others]) => [word, ...others]),
    stopWords: sent.stopWords,
  };
}

function meiliModel(index: { settings: unknown; documents: Record<string, unknown>[] }, query: { q: string; offset?: number; limit?: number; filter?: string[]; sort?: string[] }) {
  if (query.filter?.length || query.sort?.length) throw new Error('the stand-in ranks text only: no filter or sort');
  const engine = new EmbeddedSearchEngine('model', modelSettings(index.settings as MeiliSettingsSent));
  engine.upsertSync(index.documents.map(({ _geo, ...doc }) => doc as SearchDocument));
  const result = engine.searchSync({ text: query.q, filters: [], sort: { kind: 'relevance' }, offset: query.offset ?? 0, limit: query.limit ?? 20, facets: [] });
  return { hits: result.hits.map((h) => ({ id: h.id })), estimatedTotalHits: result.totalCount, offset: query.offset ?? 0, limit: query.limit ?? 20, processingTimeMs: 0, query: query.q };
}

const server = new FakeMeilisearch();
server.searcher = meiliModel;
let serial = 0;

beforeAll(() => server.start());
afterAll(() => server.stop());

const adapters: [string, (settings: IndexSettings) => Promise<SearchIndex>][] = [
  ['embedded engine', async (settings) => new EmbeddedSearchEngine('rules', settings)],
  ['Meilisearch stand-in', async (_settings) => new MeilisearchIndexStore(`rules_${serial++}`, { url: server.url, taskTimeoutMs: 5_000 })],
];

const BASE: IndexSettings = { searchable: ['title', 'occupation', 'skills', 'organizationName', 'description'], filterable: [], numeric: ['applicationCount', 'publishedAtMs'], synonyms: [], stopWords: ['de', 'la'] };

describe.each(adapters)('ranking rules (%s)', (_name, open) => {
  async function indexOf(documents: SearchDocument[], settings: Partial<IndexSettings> = {}): Promise<SearchIndex> {
    const index = await open({ ...BASE, ...settings });
    await index.configure({ ...BASE, ...settings });
    await index.upsert(documents);
    return index;
  }
  const ids = async (index: SearchIndex, text: string) => (await index.search({ text, filters: [], sort: { kind: 'relevance' }, offset: 0, limit: 20, facets: [] })).hits.map((h) => h.id);

  it('fewer typos first: the word as the corpus holds it beats its typo neighbours', async () => {
    const index = await indexOf([
      { id: 'vente', title: 'Conseiller vente' },
      { id: 'verte', title: 'Chargé de mobilité', description: 'mobilité verte' },
    ]);
    expect(await ids(index, 'verte')).toEqual(['verte', 'vente']);
  });

  it('a typo and a synonym never chain: verte does not become vente, then marketing', async () => {
    const index = await indexOf(
      [
        { id: 'vente', title: 'Conseiller vente' },
        { id: 'marketing', title: 'Assistant marketing' },
        { id: 'verte', title: 'Mobilité verte' },
      ],
      { synonyms: [['vente', 'marketing']] },
    );
    expect(await ids(index, 'verte')).toEqual(['verte', 'vente']);
    expect(await ids(index, 'marketing')).toEqual(['marketing', 'vente']);
  });

  it('the typed word beats its synonym, so vente and marketing do not answer the same offers first', async () => {
    const index = await indexOf(
      [
        { id: 'm1', title: 'Assistant marketing' },
        { id: 'v1', title: 'Conseiller vente' },
        { id: 'm2', title: 'Chargé de marketing digital' },
        { id: 'v2', title: 'Vente en magasin' },
      ],
      { synonyms: [['vente', 'marketing']] },
    );
    expect(await ids(index, 'vente')).toEqual(['v1', 'v2', 'm1', 'm2']);
    expect(await ids(index, 'marketing')).toEqual(['m1', 'm2', 'v1', 'v2']);
  });

  it('a synonym beats a prefix of the word being typed', async () => {
    const index = await indexOf(
      [
        { id: 'prefix', title: 'Ingénieur devops' },
        { id: 'synonym', title: 'Développeur web' },
      ],
      { synonyms: [['dev', 'développeur']] },
    );
    expect(await ids(index, 'dev')).toEqual(['synonym', 'prefix']);
  });

  it('closer query words first', async () => {
    const index = await indexOf([
      { id: 'far', title: 'Chef de rayon, projet magasin' },
      { id: 'near', title: 'Chef de projet' },
    ]);
    expect(await ids(index, 'chef projet')).toEqual(['near', 'far']);
  });

  it('the better field: title, occupation labels, skills, employer, description', async () => {
    const index = await indexOf([
      { id: 'description', title: 'Apprenti', description: 'Fournil et boulanger' },
      { id: 'employer', title: 'Apprenti', organizationName: 'Boulanger Frères' },
      { id: 'skills', title: 'Apprenti', skills: 'Boulanger le pain' },
      { id: 'occupation', title: 'Apprenti', occupation: 'Boulanger / Boulangère' },
      { id: 'title', title: 'Boulanger' },
    ]);
    expect(await ids(index, 'boulanger')).toEqual(['title', 'occupation', 'skills', 'employer', 'description']);
  });

  it('ties go to fewer applications, then to the newest', async () => {
    const index = await indexOf(
      [
        { id: 'busy', title: 'Boulanger', applicationCount: 9, publishedAtMs: 3 },
        { id: 'old', title: 'Boulanger', applicationCount: 1, publishedAtMs: 1 },
        { id: 'new', title: 'Boulanger', applicationCount: 1, publishedAtMs: 2 },
      ],
      { tieBreak: [{ field: 'applicationCount', direction: 'asc' }, { field: 'publishedAtMs', direction: 'desc' }] },
    );
    expect(await ids(index, 'boulanger')).toEqual(['new', 'old', 'busy']);
  });

  it('an offer is found by its occupation\'s labels, after the offers titled so', async () => {
    const offer = (id: string, title: string, romeCode: string, occupationLabels: string[]): IndexableOffer => ({
      id, title, description: 'Rejoignez notre équipe.', organizationId: 'o', organizationName: 'Maison Dupain', disabilityFriendly: false,
      contractType: ContractType.APPRENTICESHIP, remotePolicy: RemotePolicy.ONSITE, romeCode, occupationLabels, skillLabels: [], programIds: [], programLevels: [],
      country: 'FR', lat: 45.76, lng: 4.83, startEarliest: '2026-09-01', startLatest: '2026-10-01', status: OfferStatus.PUBLISHED, publishedAt: new Date('2026-06-01'),
    });
    const index = await indexOf(
      [offer('labels', 'Apprenti H/F', 'D1102', ['Boulanger / Boulangère', 'Ouvrier boulanger / Ouvrière boulangère']), offer('title', 'Boulangère', 'D1102', []), offer('other', 'Vendeur', 'D1211', ['Vendeur / Vendeuse'])].map(offerDocument),
      { ...OFFER_INDEX_SETTINGS, synonyms: [] },
    );
    expect(await ids(index, 'boulangère')).toEqual(['title', 'labels']);
  });
});

describe('Meilisearch settings', () => {
  it('say the same rules as the embedded engine, the tie-break fields last', async () => {
    const index = new MeilisearchIndexStore(`rules_${serial++}`, { url: server.url, taskTimeoutMs: 5_000 });
    await index.configure({ ...OFFER_INDEX_SETTINGS, synonyms: [['vente', 'marketing']] });
    const sent = server.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/settings')).at(-1)!.body as MeiliSettingsSent;
    expect(sent.searchableAttributes).toEqual(['title', 'occupation', 'skills', 'organizationName', 'description']);
    expect(sent.rankingRules).toEqual(['sort', 'words', 'typo', 'attribute', 'proximity', 'exactness', 'applicationCount:asc', 'publishedAtMs:desc']);
    expect(sent.sortableAttributes).toEqual(expect.arrayContaining(['applicationCount', 'publishedAtMs']));
  });
});
