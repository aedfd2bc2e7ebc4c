import type { SearchDocument, SearchRequest, SearchResult } from '@alternance/search/domain';
import { EmbeddedSearchEngine } from './embedded-search-engine';
import { haversineKm } from './geo';
import { DAY, LYON, OFFERS, PARIS, request, SETTINGS } from './test-offers';

async function engineWith(documents: SearchDocument[] = OFFERS, settings = SETTINGS): Promise<EmbeddedSearchEngine> {
  const engine = new EmbeddedSearchEngine('offers', settings);
  await engine.upsert(documents);
  return engine;
}

const ids = (result: SearchResult) => result.hits.map((h) => h.id);
const idSet = (result: SearchResult) => ids(result).sort();

describe('EmbeddedSearchEngine', () => {
  let engine: EmbeddedSearchEngine;
  beforeEach(async () => {
    engine = await engineWith();
  });

  const search = (partial: Partial<SearchRequest>) => engine.search(request(partial));
  const find = async (text: string, partial: Partial<SearchRequest> = {}) => ids(await search({ text, ...partial }));

  describe('text matching', () => {
    it('ignores accents and case on both sides', async () => {
      // o6's "Développeuse" is two typos away from the 11-letter word.
      expect(await find('DEVELOPPEUR')).toEqual(['o1', 'o6']);
      expect(await find('boulangère')).toEqual(await find('BOULANGERE'));
    });

    it('requires every query word (AND)', async () => {
      expect(await find('assistant comptable')).toEqual(['o3']);
      expect(await find('assistant')).toEqual(expect.arrayContaining(['o3', 'o8']));
      expect(await find('assistant boulanger')).toEqual([]);
    });

    it('matches the last query word as a prefix, and only the last', async () => {
      expect(await find('développ')).toEqual(['o1', 'o6']);
      expect(await find('web dévelop')).toEqual(['o1', 'o6']);
      // "dévelop" is not last: as a whole word it is too far from "développeur" (2 typos, 7 letters).
      expect(await find('dévelop web')).toEqual([]);
    });

    it('finds misspelt words by the length rule ("devlopeur", "javascrpt")', async () => {
      expect(await find('devlopeur')).toEqual(['o1']);
      expect(await find('javascrpt')).toEqual(['o6', 'o1']);
    });

    it('drops stop words from queries; a query of stop words only lists everything', async () => {
      expect(await find('développeur en alternance')).toEqual(await find('développeur'));
      const all = await search({ text: 'alternance de la' });
      expect(all.totalCount).toBe(OFFERS.length);
    });

    it("matches a word after an apostrophe (d'étude)", async () => {
      expect(await find('étude')).toEqual(['o9']);
      expect(await find("d'étude")).toEqual(['o9']);
    });

    it('matches "oeuvre" and "œuvre" alike', async () => {
      expect(await find('gros oeuvre')).toEqual(await find('gros œuvre'));
      expect(await find('oeuvre')).toEqual(['o4']);
    });
  });

  describe('typo rule boundaries (0 under 5 letters, 1 from 5, 2 from 9)', () => {
    const words: SearchDocument[] = [
      { id: 'chef', title: 'Chef' },
      { id: 'coach', title: 'Coach sportif' },
      { id: 'cuisinier', title: 'Cuisinier' },
    ];
    beforeEach(async () => {
      engine = await engineWith(words, { ...SETTINGS, synonyms: [] });
    });

    it('needs an exact match for a 4-letter word', async () => {
      expect(await find('chef')).toEqual(['chef']);
      expect(await find('chff sportif')).toEqual([]);
      expect(await find('cehf')).toEqual([]);
    });

    it('allows 1 typo from 5 letters, a transposition counting as one', async () => {
      expect(await find('coahc')).toEqual(['coach']);
      expect(await find('coxch sportif')).toEqual(['coach']);
      expect(await find('cxxch sportif')).toEqual([]);
    });

    it('allows 2 typos from 9 letters only', async () => {
      expect(await find('cuisiner')).toEqual(['cuisinier']); // 8 letters, 1 typo
      expect(await find('kuisinoer')).toEqual(['cuisinier']); // 9 letters, 2 typos
      expect(await find('kuisiner')).toEqual([]); // 8 letters, 2 typos
      expect(await find('kuisinoerr')).toEqual([]); // 10 letters, 3 typos
    });

    it('gives numbers no typo tolerance', async () => {
      engine = await engineWith([{ id: 'y', title: 'Promotion 2025' }], { ...SETTINGS, synonyms: [] });
      expect(await find('2025')).toEqual(['y']);
      expect(await find('20255 promotion')).toEqual([]);
    });
  });

  describe('synonyms', () => {
    it('matches the other members of a group, single words both ways', async () => {
      expect(await find('dev javascript')).toEqual(['o1']);
    });

    it('expands an abbreviation to a phrase, all its words being enough', async () => {
      // o3 says "BTS", o5 spells out "brevet de technicien supérieur".
      expect((await find('bts')).sort()).toEqual(['o3', 'o5']);
    });

    it('recognises a phrase in the query and matches its abbreviation', async () => {
      expect((await find('chef de chantier gros oeuvre')).sort()).toEqual(['o10', 'o4']);
      expect((await find('brevet de technicien supérieur')).sort()).toEqual(['o3', 'o5']);
      expect((await find('ccgo')).sort()).toEqual(['o10', 'o4']);
    });
  });

  describe('ranking', () => {
    it('ranks exact matches before prefixes before typos', async () => {
      // o2 holds "boulangère" exactly; o7 only "boulangerie", one typo away.
      expect(await find('boulangère')).toEqual(['o2', 'o7']);
      expect(engine.explain('boulangère', 'o7')).toMatchObject({ typos: 1, exactness: 2 });
      // o2 holds "boulanger"; o7 "boulangerie", which only starts with it.
      expect(await find('boulanger')).toEqual(['o2', 'o7']);
      expect(engine.explain('boulanger', 'o7')).toMatchObject({ typos: 0, exactness: 2 });
    });

    it('ranks an exact match in a later field before a typo in the title (typos before attribute)', async () => {
      engine = await engineWith([
        { id: 'typo-in-title', title: 'Techniciens maintenance', description: 'Usine' },
        { id: 'exact-in-description', title: 'Maintenance', description: 'Technicien de maintenance' },
      ]);
      expect(await find('technicien maintenance')).toEqual(['exact-in-description', 'typo-in-title']);
      expect(engine.explain('technicien maintenance', 'typo-in-title')).toMatchObject({ typos: 1, attribute: 0, exactness: 2 });
      expect(engine.explain('technicien maintenance', 'exact-in-description')).toMatchObject({ typos: 0, attribute: 1, exactness: 0 });
    });

    it('ranks a match in an earlier searchable field first', async () => {
      // o6 has JavaScript in its title, o1 (indexed first) only in its description.
      expect(await find('javascript')).toEqual(['o6', 'o1']);
      expect(engine.explain('javascript', 'o6')!.attribute).toBeLessThan(engine.explain('javascript', 'o1')!.attribute);
    });

    it('ranks query words close together first', async () => {
      // Both in the description; o9 says "Gestion d'agenda", o8 has them 9 words apart.
      expect(await find('gestion agenda')).toEqual(['o9', 'o8']);
      expect(engine.explain('gestion agenda', 'o9')!.proximity).toBeLessThan(engine.explain('gestion agenda', 'o8')!.proximity);
    });

    it('breaks full ties by indexing order, stably across pages', async () => {
      const all = await find('', { limit: 100 });
      expect(all).toEqual(OFFERS.map((o) => o.id));
      const pages = [...(await find('', { offset: 0, limit: 4 })), ...(await find('', { offset: 4, limit: 4 })), ...(await find('', { offset: 8, limit: 4 }))];
      expect(pages).toEqual(all);
    });
  });

  describe('sorting', () => {
    it('sorts by a numeric field, documents without a value last, ties by relevance', async () => {
      const newest = await find('', { sort: { kind: 'field', field: 'publishedAtMs', direction: 'desc' }, limit: 100 });
      const expected = OFFERS.filter((o) => typeof o.publishedAtMs === 'number')
        .sort((a, b) => (b.publishedAtMs as number) - (a.publishedAtMs as number))
        .map((o) => o.id);
      expect(newest).toEqual([...expected, 'o7']);
      const oldest = await find('', { sort: { kind: 'field', field: 'publishedAtMs', direction: 'asc' }, limit: 100 });
      expect(oldest).toEqual([...expected.reverse(), 'o7']);
    });

    it('sorts text hits by field, replacing relevance', async () => {
      expect(await find('javascript', { sort: { kind: 'field', field: 'startEarliestDay', direction: 'asc' } })).toEqual(['o1', 'o6']);
    });

    it('sorts by distance and reports distances in km', async () => {
      const result = await search({ sort: { kind: 'distance', ...LYON }, limit: 100 });
      const distances = result.hits.map((h) => h.distanceKm!);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      expect(ids(result).slice(0, 2)).toEqual(['o2', 'o7']);
      expect(result.hits[0].distanceKm).toBe(0);
      expect(result.hits.find((h) => h.id === 'o1')!.distanceKm).toBeCloseTo(haversineKm(LYON.lat, LYON.lng, PARIS.lat, PARIS.lng), 6);
    });
  });

  describe('filters', () => {
    it('filters by value, any of the values (in)', async () => {
      const result = await search({ filters: [{ kind: 'in', field: 'contractType', values: ['PROFESSIONNALISATION'] }], limit: 100 });
      expect(idSet(result)).toEqual(['o3', 'o6', 'o8']);
      expect(result.totalCount).toBe(3);
    });

    it('filters array fields by any of their values, and booleans', async () => {
      expect(idSet(await search({ filters: [{ kind: 'in', field: 'levels', values: ['7', '3'] }]}))).toEqual(['o2', 'o6', 'o7']);
      expect(idSet(await search({ filters: [{ kind: 'in', field: 'disabilityFriendly', values: [true] }] }))).toEqual(['o1', 'o3', 'o6', 'o9']);
    });

    it('filters numeric ranges, bounds inclusive, either bound optional', async () => {
      const september = [{ kind: 'range' as const, field: 'startEarliestDay', gte: DAY('2025-09-01'), lte: DAY('2025-09-15') }];
      expect(idSet(await search({ filters: september }))).toEqual(['o1', 'o3', 'o5', 'o6', 'o7', 'o8']);
      expect(idSet(await search({ filters: [{ kind: 'range', field: 'startEarliestDay', gte: DAY('2025-10-01') }] }))).toEqual(['o4', 'o9']);
      expect(idSet(await search({ filters: [{ kind: 'range', field: 'publishedAtMs', lte: Date.parse('2025-06-01T08:00:00Z') }] }))).toEqual(['o2', 'o4']);
    });

    it('filters by radius around a point and reports the distance', async () => {
      const result = await search({ filters: [{ kind: 'geo', ...PARIS, radiusKm: 30 }], limit: 100 });
      expect(idSet(result)).toEqual(['o1', 'o3', 'o8']);
      expect(result.hits.find((h) => h.id === 'o8')!.distanceKm).toBeCloseTo(17.9, 0);
      expect(idSet(await search({ filters: [{ kind: 'geo', ...PARIS, radiusKm: 10 }] }))).toEqual(['o1', 'o3']);
    });

    it('combines filters and text with AND', async () => {
      const result = await search({
        text: 'assistant',
        filters: [
          { kind: 'in', field: 'contractType', values: ['PROFESSIONNALISATION'] },
          { kind: 'geo', ...PARIS, radiusKm: 30 },
          { kind: 'range', field: 'startEarliestDay', lte: DAY('2025-09-10') },
        ],
      });
      expect(ids(result)).toEqual(['o8']);
    });

    it('refuses fields the settings do not declare', async () => {
      await expect(search({ filters: [{ kind: 'in', field: 'title', values: ['x'] }] })).rejects.toThrow(/not filterable/);
      await expect(search({ filters: [{ kind: 'range', field: 'contractType', gte: 1 }] })).rejects.toThrow(/not numeric/);
      await expect(search({ facets: ['description'] })).rejects.toThrow(/not filterable/);
      await expect(search({ sort: { kind: 'field', field: 'title', direction: 'asc' } })).rejects.toThrow(/not numeric/);
    });
  });

  describe('facets', () => {
    /** Brute force: counts over documents matching the text and every filter but the facet's own. */
    function expectedFacet(field: string, passes: (o: SearchDocument) => boolean) {
      const counts = new Map<string, number>();
      for (const o of OFFERS) {
        if (!passes(o)) continue;
        const values = Array.isArray(o[field]) ? (o[field] as unknown[]) : [o[field]];
        for (const v of values) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
      }
      return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    }

    it('counts each facet over the hits, ignoring the filters on that same field (disjunctive)', async () => {
      const contract = { kind: 'in' as const, field: 'contractType', values: ['APPRENTISSAGE'] };
      const remote = { kind: 'in' as const, field: 'remotePolicy', values: ['ON_SITE'] };
      const result = await search({ filters: [contract, remote], facets: ['contractType', 'remotePolicy', 'romeDomain', 'levels'] });
      const isContract = (o: SearchDocument) => o.contractType === 'APPRENTISSAGE';
      const isRemote = (o: SearchDocument) => o.remotePolicy === 'ON_SITE';
      expect(result.facets.contractType).toEqual(expectedFacet('contractType', isRemote));
      expect(result.facets.remotePolicy).toEqual(expectedFacet('remotePolicy', isContract));
      expect(result.facets.romeDomain).toEqual(expectedFacet('romeDomain', (o) => isContract(o) && isRemote(o)));
      expect(result.facets.levels).toEqual(expectedFacet('levels', (o) => isContract(o) && isRemote(o)));
      // The selected contract type does not hide the other one.
      expect(result.facets.contractType.map((f) => f.value)).toEqual(['APPRENTISSAGE', 'PROFESSIONNALISATION']);
      expect(result.totalCount).toBe(OFFERS.filter((o) => isContract(o) && isRemote(o)).length);
    });

    it('counts over text hits too, sorted by count then value', async () => {
      const result = await search({ text: 'assistant', filters: [{ kind: 'geo', ...PARIS, radiusKm: 30 }], facets: ['contractType', 'romeDomain'] });
      expect(result.facets.contractType).toEqual([
        { value: 'PROFESSIONNALISATION', count: 2 },
      ]);
      const noGeo = await search({ text: 'assistant', facets: ['contractType'] });
      expect(noGeo.facets.contractType).toEqual([
        { value: 'PROFESSIONNALISATION', count: 2 },
        { value: 'APPRENTISSAGE', count: 1 },
      ]);
    });

    it('reports booleans and numbers as strings', async () => {
      const result = await search({ facets: ['disabilityFriendly'] });
      expect(result.facets.disabilityFriendly).toEqual([
        { value: 'false', count: 6 },
        { value: 'true', count: 4 },
      ]);
    });
  });

  describe('highlights', () => {
    it('wraps the matched words of each matching field, keeping the original text HTML-escaped', async () => {
      const [hit] = (await search({ text: 'développ' })).hits;
      expect(hit.highlights).toEqual({
        title: '<em>Développeur</em> web en alternance',
        description: '<em>Développement</em> d&#39;applications JavaScript et TypeScript, front-end React, au sein d&#39;une équipe agile.',
      });
    });

    it('highlights typo and synonym matches, and only the matched part after an apostrophe', async () => {
      expect((await search({ text: 'javascrpt' })).hits[0].highlights).toEqual({ title: 'Développeuse <em>JavaScript</em> full stack' });
      expect((await search({ text: 'étude' })).hits[0].highlights.description).toBe('Gestion d&#39;agenda, suivi des dossiers d&#39;<em>étude</em> et organisation des réunions.');
      expect((await search({ text: 'ccgo' })).hits.find((h) => h.id === 'o4')!.highlights.title).toBe('<em>Chef</em> de <em>chantier</em> <em>gros</em> <em>œuvre</em>');
    });

    it('has none without text', async () => {
      expect((await search({})).hits[0].highlights).toEqual({});
    });
  });

  describe('writes', () => {
    it('replaces a document on upsert: old words and facet values are gone', async () => {
      const before = await search({ facets: ['romeDomain'] });
      expect(before.facets.romeDomain.find((f) => f.value === 'M')!.count).toBe(5);
      await engine.upsert([{ ...OFFERS[0], title: 'Boulanger pâtissier', description: 'Viennoiseries', organizationName: 'Fournil Dupont', romeDomain: 'D', romeCode: 'D1102', levels: ['3'] }]);
      expect(await engine.count()).toBe(OFFERS.length);
      expect(await find('typescript')).toEqual([]);
      expect(await find('numérique')).toEqual([]);
      expect(await find('web')).toEqual(['o6']);
      expect((await find('pâtissier'))).toEqual(['o1']);
      const after = await search({ facets: ['romeDomain', 'levels'] });
      expect(after.facets.romeDomain.find((f) => f.value === 'M')!.count).toBe(4);
      expect(after.facets.romeDomain.find((f) => f.value === 'D')!.count).toBe(3);
      expect(idSet(await search({ filters: [{ kind: 'in', field: 'levels', values: ['6'] }] }))).toEqual(['o10', 'o6']);
    });

    it('keeps the last version when a batch holds the same id twice', async () => {
      await engine.upsert([
        { id: 'x', title: 'Serveur' },
        { id: 'x', title: 'Barman' },
      ]);
      expect(await find('serveur')).toEqual([]);
      expect(await find('barman')).toEqual(['x']);
    });

    it('removes a deleted document from text, filters, facets, geo and counts', async () => {
      await engine.delete(['o3', 'unknown']);
      expect(await engine.count()).toBe(OFFERS.length - 1);
      expect(await find('comptable')).toEqual([]);
      expect(await find('bts')).toEqual(['o5']);
      const result = await search({ filters: [{ kind: 'geo', ...PARIS, radiusKm: 10 }], facets: ['contractType'] });
      expect(ids(result)).toEqual(['o1']);
      expect(result.facets.contractType).toEqual([{ value: 'APPRENTISSAGE', count: 1 }]);
      expect(idSet(await search({ filters: [{ kind: 'range', field: 'startEarliestDay', gte: DAY('2025-09-15'), lte: DAY('2025-09-15') }] }))).toEqual([]);
    });

    it('reuses a freed internal id without mixing documents up', async () => {
      await engine.delete(['o2']);
      await engine.upsert([{ id: 'n1', title: 'Fleuriste', contractType: 'APPRENTISSAGE', ...LYON }]);
      expect(await find('fleuriste')).toEqual(['n1']);
      expect(await find('boulangère')).toEqual(['o7']);
      expect(idSet(await search({ filters: [{ kind: 'geo', ...LYON, radiusKm: 1 }] }))).toEqual(['n1']);
    });

    it('clears every document but keeps the settings', async () => {
      await engine.clear();
      expect(await engine.count()).toBe(0);
      expect((await search({})).totalCount).toBe(0);
      await engine.upsert([OFFERS[0]]);
      expect(await find('devlopeur')).toEqual(['o1']);
    });

    it('rejects documents without an id', async () => {
      await expect(engine.upsert([{ title: 'x' } as unknown as SearchDocument])).rejects.toThrow(/id/);
    });
  });

  describe('configure', () => {
    it('re-indexes the stored documents when the settings change', async () => {
      expect(await find('numérique')).toEqual(['o1']);
      await engine.configure({ ...SETTINGS, searchable: ['title', 'description'], stopWords: [...SETTINGS.stopWords, 'web'] });
      expect(await find('numérique')).toEqual([]);
      expect((await search({ text: 'web' })).totalCount).toBe(OFFERS.length);
      expect(await engine.count()).toBe(OFFERS.length);
      expect(await find('devlopeur')).toEqual(['o1']);
    });

    it('is a no-op with the same settings', async () => {
      await engine.configure({ ...SETTINGS });
      expect(await find('devlopeur')).toEqual(['o1']);
    });
  });

  describe('snapshot', () => {
    const requests: Partial<SearchRequest>[] = [
      { text: 'développ', facets: ['contractType', 'romeDomain'] },
      { text: 'devlopeur javascript' },
      { text: 'bts', facets: ['levels'] },
      { text: 'chef de chantier gros oeuvre' },
      { text: 'gestion agenda' },
      { text: 'assistant', filters: [{ kind: 'geo', ...PARIS, radiusKm: 30 }], facets: ['contractType'] },
      { filters: [{ kind: 'range', field: 'startEarliestDay', gte: DAY('2025-09-01'), lte: DAY('2025-09-30') }], sort: { kind: 'distance', ...LYON } },
      { sort: { kind: 'field', field: 'publishedAtMs', direction: 'desc' }, facets: ['disabilityFriendly', 'remotePolicy'] },
    ];

    it('restores an engine giving identical results, which then evolves identically', async () => {
      await engine.delete(['o4']);
      const restored = EmbeddedSearchEngine.fromSnapshot(engine.toSnapshot(), 'offers-copy');
      expect(restored.name).toBe('offers-copy');
      expect(await restored.count()).toBe(await engine.count());
      for (const partial of requests) expect(await restored.search(request(partial))).toEqual(await engine.search(request(partial)));

      const more = [{ id: 'n1', title: 'Chef de chantier gros œuvre', description: 'Nouvelle offre', contractType: 'APPRENTISSAGE', ...PARIS }];
      await engine.upsert(more);
      await restored.upsert(more);
      await engine.delete(['o1']);
      await restored.delete(['o1']);
      for (const partial of requests) expect(await restored.search(request(partial))).toEqual(await engine.search(request(partial)));
    });

    it('encodes in slices that hand the event loop back, to the same bytes as in one piece', async () => {
      // Enough documents for sections over the 1 MB copy piece and hundreds of postings.
      const many = Array.from({ length: 3000 }, (_, i) => ({ ...OFFERS[i % OFFERS.length], id: `m${i}`, description: `${OFFERS[i % OFFERS.length].description} ${'lorem ipsum dolor '.repeat(20)} mot${i}` }));
      const big = await engineWith(many);
      let turns = 0;
      let counting = true;
      const count = () => {
        turns++;
        if (counting) setImmediate(count);
      };
      setImmediate(count);
      const inSteps = await big.toSnapshotInSteps(0);
      counting = false;
      expect(turns).toBeGreaterThan(10);
      expect(inSteps.length).toBeGreaterThan(1 << 20);
      expect(inSteps.equals(big.toSnapshot())).toBe(true);
      const restored = EmbeddedSearchEngine.fromSnapshot(inSteps, 'restored');
      for (const partial of [...requests, { text: 'mot2999' }]) expect(await restored.search(request(partial))).toEqual(await big.search(request(partial)));
    });

    it('refuses a buffer that is not a snapshot', () => {
      expect(() => EmbeddedSearchEngine.fromSnapshot(Buffer.from('hello world, not an index'), 'x')).toThrow(/snapshot/);
    });
  });
});
