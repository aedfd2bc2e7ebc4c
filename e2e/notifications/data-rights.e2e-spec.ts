import { NoticeKind } from '@alternance/platform/domain';
import { SEARCH_INDEXES, SearchIndexes } from '@alternance/search/feature';
import { OutboxEventEntity } from '@alternance/platform/data-access';
import { Actor, PASSWORD, signUpCandidate, signUpEmployer } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';
import { scanDatabase } from './database-scan';
import { notice, postNotices, publishOffer } from './notifications-support';

const NAME = 'Zéphyrine Quatrefages';
const PROFILE = `mutation ($input: CandidateProfileInput!) { upsertMyCandidateProfile(input: $input) { id } }`;
const EXPORT = `{ exportMyData }`;
const DELETE = `mutation ($password: String!) { deleteMyAccount(password: $password) }`;

describe(`data rights: export and erasure (${engine})`, () => {
  let t: TestApp;
  let zephyrine: Actor;
  let employer: Actor;
  let bystander: Actor;
  let candidateId: string;
  let offerId: string;

  const searchIndexFor = async (text?: string) =>
    (
      await t.app.get<SearchIndexes>(SEARCH_INDEXES).candidates.search({ text, filters: [], sort: { kind: 'relevance' }, offset: 0, limit: 1000, facets: [] })
    ).hits.map((h) => h.id);

  beforeAll(async () => {
    t = await startTestApp();
    zephyrine = await signUpCandidate(t, NAME);
    employer = await signUpEmployer(t, 'Boulangerie Soleil');
    bystander = await signUpCandidate(t, 'Paul Durand');
    const profile = await t.gql(
      PROFILE,
      {
        input: {
          headline: 'Apprentie boulangère passionnée',
          desiredRomeCodes: ['D1104'],
          location: { country: 'FR', postcode: '69003' },
          mobilityRadiusKm: 30,
          availableFrom: '2027-01-01',
          visibility: 'PUBLIC',
          birthDate: '2006-05-12',
          sensitiveDataConsent: true,
          disabilityRecognised: true,
          gender: 'FEMALE',
          highestQualification: 'NONE',
          livesInQpv: true,
          internationalProtection: false,
          situationBefore: 'STUDENT',
        },
      },
      zephyrine.token,
    );
    expect(profile.errors).toBeUndefined();
    candidateId = profile.data!.upsertMyCandidateProfile.id;
    offerId = await publishOffer(t, employer.token, 'Boulanger en alternance');
    const applied = await t.gql(
      `mutation ($input: ApplyInput!) { applyToOffer(input: $input) { id } }`,
      { input: { offerId, message: `Bonjour, je suis ${NAME} (${zephyrine.email}).` } },
      zephyrine.token,
    );
    expect(applied.errors).toBeUndefined();
    const saved = await t.gql(
      `mutation ($input: SaveSearchInput!) { saveSearch(input: $input) { id } }`,
      { input: { name: `Boulangerie pour ${NAME}`, search: { query: 'boulanger' }, alert: true } },
      zephyrine.token,
    );
    expect(saved.errors).toBeUndefined();
    await postNotices(t, [
      notice(zephyrine.userId, 'Your offer digest'),
      // Other people's notices that name her: one says so, one only quotes her.
      notice(employer.userId, `${NAME} applied to “Boulanger en alternance”`, { kind: NoticeKind.APPLICATION_RECEIVED, aboutUserId: zephyrine.userId }),
      notice(bystander.userId, 'A message', { body: `Contact ${NAME} at ${zephyrine.email} for the carpool.` }),
    ]);
    // Sign-ups, a profile, an application and mail: slower than the default hook timeout on PostgreSQL.
  }, 30_000);
  afterAll(() => t.close());

  it('exports everything held about the caller, one section per holder, and nothing about others', async () => {
    const res = await t.gql(EXPORT, {}, zephyrine.token);
    expect(res.errors).toBeUndefined();
    const data = res.data!.exportMyData;
    expect(data.exportedAt).toBe('2026-11-23T09:00:00.000Z');
    expect(Object.keys(data.sections).sort()).toEqual(expect.arrayContaining(['account', 'applications', 'candidateProfile', 'notifications', 'savedSearches', 'searchIndex']));
    expect(data.sections.account).toMatchObject({ id: zephyrine.userId, email: zephyrine.email, displayName: NAME, role: 'CANDIDATE' });
    expect(JSON.stringify(data)).not.toMatch(/scrypt|passwordHash/);
    expect(data.sections.candidateProfile).toMatchObject({
      id: candidateId,
      headline: 'Apprentie boulangère passionnée',
      disabilityRecognised: true,
      gender: 'FEMALE',
      highestQualification: 'NONE',
      livesInQpv: true,
      internationalProtection: false,
      situationBefore: 'STUDENT',
      sensitiveDataConsent: true,
    });
    expect(data.sections.notifications.map((n: { title: string }) => n.title)).toEqual(['Your offer digest']);
    expect(data.sections.savedSearches).toEqual([expect.objectContaining({ name: `Boulangerie pour ${NAME}`, search: { query: 'boulanger' }, alert: true })]);
    expect(data.sections.searchIndex.candidateDocument).toMatchObject({ id: candidateId, displayName: NAME });
    expect(data.sections.applications.applications).toHaveLength(1);
    expect((await t.gql(EXPORT, {})).errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a wrong password and deletes nothing', async () => {
    const res = await t.gql(DELETE, { password: 'not the password at all' }, zephyrine.token);
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'WRONG_PASSWORD' });
    expect((await t.gql(`{ me { id } }`, {}, zephyrine.token)).data!.me.id).toBe(zephyrine.userId);
  });

  it('erases the account everywhere: no table of the database and no search index holds the email, ids or name', async () => {
    const terms = [zephyrine.email, zephyrine.userId, candidateId, NAME];
    // The scan finds them before the erasure, so finding nothing after it means something.
    const before = await scanDatabase(t, terms);
    expect(before.found.map((f) => `${f.table}.${f.column}`)).toEqual(expect.arrayContaining(['users.email', 'users.display_name', 'candidates.id', 'notifications.body', 'saved_searches.name']));
    expect(await searchIndexFor('Quatrefages')).toEqual([candidateId]);

    const res = await t.gql(DELETE, { password: PASSWORD }, zephyrine.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.deleteMyAccount).toBe(true);

    const after = await scanDatabase(t, terms);
    expect(after.tables).toBeGreaterThan(10);
    expect(after.found).toEqual([]);
    expect(await searchIndexFor('Quatrefages')).toEqual([]);
    expect(await searchIndexFor('Zéphyrine')).toEqual([]);
    expect(await searchIndexFor(zephyrine.email)).toEqual([]);
    expect(await searchIndexFor()).not.toContain(candidateId);
    expect(await t.orm.em.fork().count(OutboxEventEntity, { aggregateId: candidateId })).toBe(0);
  });

  it('keeps what others hold, without her: the employer’s notice is redacted, the bystander’s too', async () => {
    const employerInbox = await t.gql(`{ myNotifications { edges { node { kind title body } } } }`, {}, employer.token);
    const received = employerInbox.data!.myNotifications.edges.map((e: any) => e.node).filter((n: any) => n.kind === 'APPLICATION_RECEIVED');
    expect(received.length).toBeGreaterThan(0);
    for (const n of received) expect(`${n.title} ${n.body}`).not.toContain('Quatrefages');
    const bystanderInbox = await t.gql(`{ myNotifications { edges { node { body } } } }`, {}, bystander.token);
    expect(bystanderInbox.data!.myNotifications.edges[0].node.body).toBe('Contact [deleted account] at [deleted account] for the carpool.');
  });

  it('stops the token: the account no longer exists', async () => {
    const me = await t.gql(`{ me { id } }`, {}, zephyrine.token);
    expect(me.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_GONE' });
    const inbox = await t.gql(`{ myNotifications { totalCount } }`, {}, zephyrine.token);
    expect(inbox.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_GONE' });
    // Public reads still answer, as for anyone.
    const search = await t.gql(`{ searchOffers(input: { query: "boulanger" }) { totalCount } }`, {}, zephyrine.token);
    expect(search.errors).toBeUndefined();
    const login = await t.gql(`mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }`, { input: { email: zephyrine.email, password: PASSWORD } });
    expect(login.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' });
  });
});
