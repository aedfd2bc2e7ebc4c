import { NotificationEntity } from '@alternance/notifications/data-access';
import { SavedSearchAlertsJob } from '@alternance/notifications/feature';
import { NoticeKind } from '@alternance/platform/domain';
import { Actor, signUpCandidate, signUpEmployer } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';
import { mailSettled, mails, publishOffer } from './notifications-support';

const SAVE = `mutation ($input: SaveSearchInput!) { saveSearch(input: $input) { id name search alert createdAt } }`;
const MINE = `{ mySavedSearches { id name search alert } }`;
const DELETE = `mutation ($id: ID!) { deleteSavedSearch(id: $id) }`;

describe(`saved searches and their daily digest (${engine})`, () => {
  let t: TestApp;
  let camille: Actor;
  let lea: Actor;
  let employer: Actor;
  let job: SavedSearchAlertsJob;

  const at = (iso: string) => t.clock.set(new Date(iso));
  const digestsOf = (userId: string) =>
    t.orm.em.fork().find(NotificationEntity, { recipient: userId, kind: NoticeKind.SAVED_SEARCH_DIGEST }, { orderBy: { createdAt: 'asc' } });

  beforeAll(async () => {
    // Tokens last 30 days: the test clock moves over days.
    t = await startTestApp({ now: new Date('2026-11-23T09:00:00Z'), env: { JWT_TTL_SECONDS: String(30 * 24 * 3600) } });
    camille = await signUpCandidate(t, 'Camille Martin');
    lea = await signUpCandidate(t, 'Léa Petit');
    employer = await signUpEmployer(t, 'Pâtisserie du Rhône');
    job = t.app.get(SavedSearchAlertsJob);
  });
  afterAll(() => t.close());

  it('saves a search for a candidate, keeping the words, filters and order but not the paging', async () => {
    const res = await t.gql(
      SAVE,
      { input: { name: '  Pâtisserie  ', search: { query: 'pâtissier', first: 5, facets: ['CONTRACT_TYPE'] }, alert: true } },
      camille.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.saveSearch).toMatchObject({ name: 'Pâtisserie', search: { query: 'pâtissier' }, alert: true, createdAt: '2026-11-23T09:00:00.000Z' });
    const near = { query: 'pâtissier', filters: { near: { postcode: '69003', radiusKm: 30 } }, sort: 'NEWEST' };
    t.clock.advance(60_000);
    expect((await t.gql(SAVE, { input: { name: 'Pâtisserie à Lyon', search: near, alert: true } }, camille.token)).errors).toBeUndefined();
    expect((await t.gql(SAVE, { input: { name: 'Sans alerte', search: { query: 'pâtissier' }, alert: false } }, lea.token)).errors).toBeUndefined();
    const mine = await t.gql(MINE, {}, camille.token);
    expect(mine.data!.mySavedSearches).toEqual([
      { id: expect.any(String), name: 'Pâtisserie à Lyon', search: near, alert: true },
      { id: res.data!.saveSearch.id, name: 'Pâtisserie', search: { query: 'pâtissier' }, alert: true },
    ]);
  });

  it('refuses employers, blank names and searches that cannot run, writing nothing', async () => {
    const input = { name: 'x', search: { query: 'pâtissier' }, alert: true };
    expect((await t.gql(SAVE, { input }, employer.token)).errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.gql(SAVE, { input: { ...input, name: '   ' } }, lea.token)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const unknownPlace = await t.gql(SAVE, { input: { ...input, search: { filters: { near: { postcode: '00000', radiusKm: 10 } } } } }, lea.token);
    expect(unknownPlace.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search.filters.near.postcode' });
    const noPoint = await t.gql(SAVE, { input: { ...input, search: { sort: 'DISTANCE' } } }, lea.token);
    expect(noPoint.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search.sort' });
    expect((await t.gql(MINE, {}, lea.token)).data!.mySavedSearches).toHaveLength(1);
  });

  it('keeps at most 20 saved searches per candidate', async () => {
    const max = await signUpCandidate(t, 'Max Durand');
    for (let i = 1; i <= 20; i++) {
      expect((await t.gql(SAVE, { input: { name: `Recherche ${i}`, search: { query: `mot${i}` }, alert: false } }, max.token)).errors).toBeUndefined();
    }
    const refused = await t.gql(SAVE, { input: { name: 'Une de trop', search: {}, alert: false } }, max.token);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SAVED_SEARCH_LIMIT' });
    expect((await t.gql(MINE, {}, max.token)).data!.mySavedSearches).toHaveLength(20);
  });

  it('deletes only your own saved searches', async () => {
    const saved = (await t.gql(SAVE, { input: { name: 'Temporaire', search: {}, alert: false } }, lea.token)).data!.saveSearch.id;
    expect((await t.gql(DELETE, { id: saved }, camille.token)).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.gql(DELETE, { id: saved }, lea.token)).data!.deleteSavedSearch).toBe(true);
    expect((await t.gql(MINE, {}, lea.token)).data!.mySavedSearches.map((s: { name: string }) => s.name)).toEqual(['Sans alerte']);
    expect((await t.gql(DELETE, { id: saved }, lea.token)).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sends at most one digest a day per candidate, with up to ten titles and a count, never the same offer twice', async () => {
    at('2026-11-23T10:00:00Z');
    for (let i = 1; i <= 12; i++) await publishOffer(t, employer.token, `Pâtissier confiseur ${i}`);
    await publishOffer(t, employer.token, 'Développeur web', '69003', 'M1805');

    at('2026-11-23T20:00:00Z');
    expect(await job.run(t.clock.now())).toEqual({ candidates: 0, digests: 0 });

    at('2026-11-24T00:00:00Z');
    expect(await job.run(t.clock.now())).toEqual({ candidates: 1, digests: 1 });
    let digests = await digestsOf(camille.userId);
    expect(digests).toHaveLength(1);
    expect(digests[0].title).toBe('12 new offers for your saved searches');
    const lines = digests[0].body.split('\n');
    expect(lines.filter((l) => l.startsWith('- Pâtissier confiseur '))).toHaveLength(10);
    expect(lines[lines.length - 1]).toBe('…and 2 more offers: run your saved searches to see them all.');
    expect(digests[0].body).not.toContain('Développeur');
    expect(await digestsOf(lea.userId)).toEqual([]);
    await mailSettled(t);
    expect(mails(t).filter((m) => m.to === camille.email && m.subject === '12 new offers for your saved searches')).toHaveLength(1);

    at('2026-11-24T12:00:00Z');
    expect(await job.run(t.clock.now())).toEqual({ candidates: 0, digests: 0 });

    // Published half an hour before the next run: the run after that looks back over it again.
    at('2026-11-24T23:30:00Z');
    await publishOffer(t, employer.token, 'Pâtissier chocolatier');
    at('2026-11-25T00:00:00Z');
    expect(await job.run(t.clock.now())).toEqual({ candidates: 1, digests: 1 });
    digests = await digestsOf(camille.userId);
    expect(digests.map((d) => d.title)).toEqual(['12 new offers for your saved searches', '1 new offer for your saved searches']);
    expect(digests[1].body).toBe('New on the job board:\n- Pâtissier chocolatier (Pâtisserie du Rhône), for “Pâtisserie”');

    at('2026-11-26T00:00:00Z');
    expect(await job.run(t.clock.now())).toEqual({ candidates: 1, digests: 0 });
    expect(await digestsOf(camille.userId)).toHaveLength(2);
  });
});
