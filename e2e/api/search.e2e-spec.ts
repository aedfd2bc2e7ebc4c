import { Role } from '@alternance/platform/domain';
import { AggregateType, recordChange } from '@alternance/platform/data-access';
import { OfferEntity } from '@alternance/offers/data-access';
import { Actor, signUpCandidate, signUpEmployer, staff } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';

const CREATE = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }`;
const PUBLISH = `mutation ($id: ID!) { publishOffer(id: $id) { id } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }`;
const CLOSE = `mutation ($id: ID!) { closeOffer(id: $id) { id } }`;
const SEARCH = `query ($input: OfferSearchInput!) {
  searchOffers(input: $input) {
    totalCount
    edges { cursor distanceKm highlights { field snippet } node { id title status contractType location { city } } }
    pageInfo { hasNextPage endCursor }
    facets { field values { value count } }
    place { typed query city postcode radiusKm }
  }
}`;
const UPSERT_PROFILE = `mutation ($input: CandidateProfileInput!) { upsertMyCandidateProfile(input: $input) { id } }`;
const SEARCH_CANDIDATES = `query ($input: CandidateSearchInput!) {
  searchCandidates(input: $input) { totalCount edges { distanceKm highlights { field snippet } node { id displayName email headline visibility } } facets { field values { value count } } }
}`;

function offer(title: string, overrides: Record<string, unknown> = {}) {
  return {
    title,
    description: `${title} : une équipe vous forme au métier pendant votre formation.`,
    contractType: 'APPRENTICESHIP',
    romeCode: 'M1805',
    location: { country: 'FR', postcode: '69003' },
    remotePolicy: 'ONSITE',
    startDate: { earliest: '2027-01-04', latest: '2027-03-01' },
    ...overrides,
  };
}

describe(`search (${engine})`, () => {
  let t: TestApp;
  let employer: Actor;
  let rival: Actor;
  let candidate: Actor;
  let recruiter: Actor;
  const ids: Record<string, string> = {};

  async function publish(key: string, title: string, overrides: Record<string, unknown> = {}, by = employer): Promise<string> {
    const created = await t.gql(CREATE, { input: offer(title, overrides) }, by.token);
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    const id = created.data!.createOffer.id;
    await t.gql(PUBLISH, { id }, by.token);
    ids[key] = id;
    return id;
  }

  const search = async (input: Record<string, unknown>, token?: string) => {
    const res = await t.gql(SEARCH, { input }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.searchOffers;
  };
  const titles = (result: { edges: { node: { title: string } }[] }) => result.edges.map((e) => e.node.title).sort();

  beforeAll(async () => {
    t = await startTestApp();
    employer = await signUpEmployer(t, 'Atelier Numérique');
    rival = await signUpEmployer(t, 'Concurrent SA');
    candidate = await signUpCandidate(t);
    recruiter = await staff(t, Role.RECRUITER);
    await publish('web', 'Développeur web en alternance', { remotePolicy: 'HYBRID' });
    await publish('java', 'Développeur Java', { location: { country: 'FR', postcode: '35000' }, startDate: { earliest: '2027-05-03', latest: '2027-06-01' } });
    await publish('bakery', 'Vendeur en boulangerie-pâtisserie', { romeCode: 'D1106', location: { country: 'FR', postcode: '13001' }, contractType: 'PROFESSIONALISATION' });
    await publish('poei', 'Technicien support informatique', { romeCode: 'I1401', contractType: 'POEI', hireContract: { type: 'CDI' } });
  });
  afterAll(() => t.close());

  it('finds offers despite typos, missing accents, case and unfinished words, and highlights the match', async () => {
    for (const query of ['devlopeur', 'DEVELOPPEUR', 'développ', 'dévelopeur web']) {
      const result = await search({ query });
      expect({ query, titles: titles(result) }).toEqual({ query, titles: query.includes('web') ? ['Développeur web en alternance'] : ['Développeur Java', 'Développeur web en alternance'] });
    }
    const result = await search({ query: 'java' });
    expect(result.edges[0].highlights).toContainEqual({ field: 'title', snippet: 'Développeur <em>Java</em>' });
  });

  it('expands synonyms from the catalogue and ignores domain stop words', async () => {
    expect(titles(await search({ query: 'vbp' }))).toEqual(['Vendeur en boulangerie-pâtisserie']);
    expect(titles(await search({ query: 'alternance java' }))).toEqual(['Développeur Java']);
  });

  it('filters by contract, place, remote policy and start window', async () => {
    expect(titles(await search({ filters: { contractTypes: ['POEI', 'PROFESSIONALISATION'] } }))).toEqual(['Technicien support informatique', 'Vendeur en boulangerie-pâtisserie']);
    const nearRennes = await search({ filters: { near: { postcode: '35000', radiusKm: 20 } } });
    expect(titles(nearRennes)).toEqual(['Développeur Java']);
    expect(nearRennes.edges[0].distanceKm).toBeLessThan(5);
    expect(titles(await search({ filters: { near: { lat: 43.3, lng: 5.37, radiusKm: 30 } } }))).toEqual(['Vendeur en boulangerie-pâtisserie']);
    expect(titles(await search({ filters: { remotePolicies: ['HYBRID'] } }))).toEqual(['Développeur web en alternance']);
    expect(titles(await search({ filters: { startAfter: '2027-04-01' } }))).toEqual(['Développeur Java']);
    expect(titles(await search({ filters: { startBefore: '2027-02-01', romeCodes: ['M1805'] } }))).toEqual(['Développeur web en alternance']);
  });

  it('reads a commune at the end of the query as a place, says so, and searches the words as typed when asked', async () => {
    const nearLyon = await search({ query: 'développeur à Lyon' });
    expect(titles(nearLyon)).toEqual(['Développeur web en alternance']);
    expect(nearLyon.place).toMatchObject({ typed: 'à Lyon', query: 'développeur', city: 'Lyon', radiusKm: 30 });
    expect(nearLyon.place.postcode).toMatch(/^690/);
    const asTyped = await search({ query: 'développeur à Lyon', placeFromQuery: false });
    expect(asTyped.place).toBeNull();
    expect(asTyped.totalCount).toBe(0);
    // A place given as a filter wins; a query naming no commune keeps its words.
    const withNear = await search({ query: 'développeur lyon', filters: { near: { postcode: '35000', radiusKm: 20 } } });
    expect(withNear.place).toBeNull();
    expect((await search({ query: 'développeur java' })).place).toBeNull();
  });

  it('counts facets, each ignoring its own filter', async () => {
    const result = await search({ filters: { contractTypes: ['APPRENTICESHIP'] }, facets: ['CONTRACT_TYPE', 'REMOTE_POLICY', 'ROME_DOMAIN'] });
    expect(result.totalCount).toBe(2);
    const facet = (field: string) => Object.fromEntries(result.facets.find((f: { field: string }) => f.field === field).values.map((v: { value: string; count: number }) => [v.value, v.count]));
    expect(facet('contractType')).toEqual({ APPRENTICESHIP: 2, PROFESSIONALISATION: 1, POEI: 1 });
    expect(facet('remotePolicy')).toEqual({ ONSITE: 1, HYBRID: 1 });
    expect(facet('romeDomain')).toEqual({ M: 2 });
  });

  it('sorts by distance and by start date, and pages with cursors', async () => {
    const byDistance = await search({ filters: { near: { postcode: '69003', radiusKm: 1000 } }, sort: 'DISTANCE' });
    const distances = byDistance.edges.map((e: { distanceKm: number }) => e.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(byDistance.edges[byDistance.edges.length - 1].node.location.city).toBe('Rennes');
    const byStart = await search({ sort: 'START_DATE' });
    expect(byStart.edges[byStart.edges.length - 1].node.title).toBe('Développeur Java');
    const first = await search({ first: 2, sort: 'START_DATE' });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search({ first: 2, after: first.pageInfo.endCursor, sort: 'START_DATE' });
    expect(second.totalCount).toBe(4);
    expect([...first.edges, ...second.edges].map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(Object.values(ids).sort());
    const refused = await t.gql(SEARCH, { input: { sort: 'DISTANCE' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sort' });
  });

  it('shows a write to the writer at once: publish, rename and close', async () => {
    const id = await publish('fresh', 'Électricien du bâtiment', { romeCode: 'F1602' });
    expect(titles(await search({ query: 'electricien' }))).toEqual(['Électricien du bâtiment']);
    // The occupation's labels are indexed with the offer: the rename changes the occupation too.
    await t.gql(UPDATE, { id, input: { title: 'Plombier chauffagiste', description: 'Installations sanitaires et chauffage.', romeCode: 'F1603' } }, employer.token);
    expect(titles(await search({ query: 'electricien' }))).toEqual([]);
    expect(titles(await search({ query: 'plombier' }))).toEqual(['Plombier chauffagiste']);
    await t.gql(CLOSE, { id }, employer.token);
    expect(titles(await search({ query: 'plombier' }))).toEqual([]);
  });

  it('shows drafts to their organization and staff only', async () => {
    await t.gql(CREATE, { input: offer('Graphiste motion design') }, employer.token);
    expect(titles(await search({ query: 'graphiste' }))).toEqual([]);
    expect(titles(await search({ query: 'graphiste' }, candidate.token))).toEqual([]);
    expect(titles(await search({ query: 'graphiste' }, rival.token))).toEqual([]);
    expect(titles(await search({ query: 'graphiste' }, employer.token))).toEqual(['Graphiste motion design']);
    expect(titles(await search({ query: 'graphiste' }, recruiter.token))).toEqual(['Graphiste motion design']);
  });

  it('reindexes an organization’s offers when it changes (disability-friendly filter)', async () => {
    expect(await search({ filters: { disabilityFriendly: true } }).then(titles)).toEqual([]);
    await t.gql(`mutation { updateOrganization(input: { accessibility: { disabilityReferent: true } }) { id } }`, {}, employer.token);
    expect((await search({ filters: { disabilityFriendly: true } })).totalCount).toBe(4);
  });

  it('picks up writes made by another process within a second', async () => {
    const em = t.orm.em.fork();
    const row = await em.findOneOrFail(OfferEntity, { id: ids.java });
    row.title = 'Développeur Kotlin';
    recordChange(em, AggregateType.OFFER, row.id, new Date());
    await em.flush();
    const deadline = Date.now() + 1000;
    let found: string[] = [];
    while (Date.now() < deadline && !found.length) {
      found = titles(await search({ query: 'kotlin' }));
      if (!found.length) await new Promise((r) => setTimeout(r, 50));
    }
    expect(found).toEqual(['Développeur Kotlin']);
  });

  describe('talent marketplace', () => {
    let hidden: Actor;
    let anonymous: Actor;
    let skillCode: string;

    beforeAll(async () => {
      skillCode = (await t.gql(`{ skills(romeCode: "M1805", first: 1) { edges { node { code } } } }`)).data!.skills.edges[0].node.code;
      const profile = (visibility: string, headline: string) => ({
        headline,
        visibility,
        desiredRomeCodes: ['M1805'],
        skills: [{ code: skillCode, level: 'INTERMEDIATE' }],
        location: { country: 'FR', postcode: '69003' },
        remotePreference: 'HYBRID',
        birthDate: '2005-03-14',
        jobSeeker: true,
      });
      await t.gql(UPSERT_PROFILE, { input: profile('PUBLIC', 'Développeuse web junior') }, candidate.token);
      anonymous = await signUpCandidate(t, 'Sacha Anonyme');
      await t.gql(UPSERT_PROFILE, { input: profile('ANONYMOUS', 'Développeur React discret') }, anonymous.token);
      hidden = await signUpCandidate(t, 'Dominique Cachée');
      await t.gql(UPSERT_PROFILE, { input: profile('HIDDEN', 'Développeur fantôme') }, hidden.token);
    });

    const searchCandidates = async (input: Record<string, unknown>, token = employer.token) => {
      const res = await t.gql(SEARCH_CANDIDATES, { input }, token);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data!.searchCandidates;
    };

    it('finds PUBLIC and ANONYMOUS candidates, never HIDDEN ones, and hides anonymous identities', async () => {
      const result = await searchCandidates({ query: 'developpeur' });
      const heads = result.edges.map((e: { node: { headline: string } }) => e.node.headline).sort();
      expect(heads).toEqual(['Développeur React discret', 'Développeuse web junior']);
      const anon = result.edges.find((e: { node: { headline: string } }) => e.node.headline === 'Développeur React discret').node;
      expect(anon).toMatchObject({ displayName: null, email: null, visibility: 'ANONYMOUS' });
      expect((await searchCandidates({ query: 'fantome' })).totalCount).toBe(0);
      expect((await searchCandidates({ query: 'Sacha' })).totalCount).toBe(0);
      expect((await searchCandidates({ query: 'Camille' })).totalCount).toBe(1);
    });

    it('filters by skills, occupation and distance from an offer', async () => {
      expect((await searchCandidates({ filters: { skillCodes: [skillCode] } })).totalCount).toBe(2);
      expect((await searchCandidates({ filters: { romeCodes: ['D1106'] } })).totalCount).toBe(0);
      expect((await searchCandidates({ filters: { nearOfferId: ids.web, radiusKm: 10 } })).totalCount).toBe(2);
      expect((await searchCandidates({ filters: { nearOfferId: ids.java, radiusKm: 10 } })).totalCount).toBe(0);
    });

    it('is for employers and staff only', async () => {
      expect((await t.gql(SEARCH_CANDIDATES, { input: {} }, candidate.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql(SEARCH_CANDIDATES, { input: {} })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await searchCandidates({}, recruiter.token)).totalCount).toBe(2);
    });

    it('drops a candidate who turns HIDDEN at once', async () => {
      await t.gql(UPSERT_PROFILE, { input: { visibility: 'HIDDEN' } }, anonymous.token);
      expect((await searchCandidates({ query: 'react' })).totalCount).toBe(0);
    });
  });
});
