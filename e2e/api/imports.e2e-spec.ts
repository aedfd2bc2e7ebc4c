import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '@alternance/platform/domain';
import { OutboxEventEntity } from '@alternance/platform/data-access';
import { OfferEntity } from '@alternance/offers/data-access';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { ImportRunEntity, OfferSourceEntity } from '@alternance/imports/data-access';
import { partnerFeedReaders } from '@alternance/imports/domain';
import { OfferImporter } from '@alternance/imports/feature';
import { APPRENTICE_PROFILE, Actor, PASSWORD, signUpCandidate, staff, upsertProfile } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';

const FEEDS = path.resolve(__dirname, '../../../shared/data/offers/partner-feeds');
const RUNS = `query ($source: String) { importRuns(source: $source, first: 10) {
  id source status complete read created updated unchanged closed skipped rejected flagged merged closingSkipped
  rejections { record location reason detail } } }`;
const OFFER = `query ($id: ID!) { offer(id: $id) { id title status contractType romeCode occupationToReview diploma
  partnerApplication { url email } organization { id name siret claimed } location { city postcode inseeCode } } }`;
const APPLY = `mutation ($input: ApplyInput!) { applyToOffer(input: $input) { id status } }`;

/** A Leboncoin feed (the partner's CSV columns) of the given rows. */
function leboncoinCsv(rows: { id: string; title: string; city: string; postcode: string; company: string; description: string; url?: string }[]): string {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const header = ['redirection', 'ville', 'entreprise', 'description', 'titre', 'identifiant', 'région', 'code postal'];
  return [header.map(quote).join(','), ...rows.map((r) => [r.url ?? '', r.city, r.company, r.description, r.title, r.id, 'Centre-Val de Loire', r.postcode].map(quote).join(','))].join('\n') + '\n';
}

const BUTCHER = (id: string, city: string, postcode: string) => ({
  id,
  title: 'ALTERNANCE - Boucher F/H',
  city,
  postcode,
  company: 'Auchan',
  description: `Au rayon boucherie de notre magasin de ${city}, vous préparez les découpes, conseillez les clients et veillez à l'hygiène. Contrat d'apprentissage, CAP boucher.`,
});

describe(`partner imports (${engine})`, () => {
  let t: TestApp;
  let importer: OfferImporter;
  let recruiter: Actor;
  let candidate: Actor;
  let dir: string;

  const run = (source: string, file: string, complete = true) => importer.run({ reader: partnerFeedReaders[source], input: createReadStream(file), location: file, complete });
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  /** Access tokens expire as the test clock moves on: sign in again. */
  const signIn = async (actor: Actor) => {
    const res = await t.gql(`mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }`, { input: { email: actor.email, password: PASSWORD } });
    actor.token = res.data!.logIn.accessToken;
    return actor;
  };
  const sourceRow = async (source: string, externalId: string) => t.orm.em.fork().findOneOrFail(OfferSourceEntity, { source, externalId });
  /** The newest outbox event's id (the relay may delete the ones it applied, never renumbers). */
  const lastOutboxId = async () => (await t.orm.em.fork().find(OutboxEventEntity, {}, { orderBy: { id: 'desc' }, limit: 1 }))[0]?.id ?? '0';

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-12-01T08:00:00Z') });
    importer = t.app.get(OfferImporter);
    [recruiter, candidate] = await Promise.all([staff(t, Role.RECRUITER), signUpCandidate(t, 'Lou Martin')]);
    await upsertProfile(t, candidate, { ...APPRENTICE_PROFILE, desiredRomeCodes: ['D1101'], location: { country: 'FR', postcode: '37540' }, availableFrom: '2026-12-01' });
    dir = mkdtempSync(path.join(os.tmpdir(), 'alternance-imports-'));
  }, 120_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  }, 60_000);

  it('imports a real APEC feed: published offers that say where to apply, under employers no one has claimed yet, found by search', async () => {
    const result = await run('apec', path.join(FEEDS, 'apec-import-apec.xml'));
    expect(result).toMatchObject({ status: 'SUCCEEDED', read: 5, skipped: 0, updated: 0, unchanged: 0, closed: 0, merged: 0 });
    expect(result.created + result.rejected).toBe(5);
    expect(result.created).toBeGreaterThanOrEqual(4);

    // Staff read the run through GraphQL; nobody else may.
    const runs = await t.gql(RUNS, { source: 'apec' }, recruiter.token);
    expect(runs.errors).toBeUndefined();
    expect(runs.data!.importRuns).toEqual([expect.objectContaining({ id: result.id, source: 'apec', status: 'SUCCEEDED', complete: true, read: 5, created: result.created, flagged: result.flagged })]);
    expect((await t.gql(RUNS, {}, candidate.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(RUNS, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // The first offer: an electrical engineering apprenticeship at Ikos, in Le Petit-Quevilly (INSEE 76540 in the feed).
    const source = await sourceRow('apec', '177777865W');
    expect(source.firstSeenAt).toEqual(new Date('2026-12-01T08:00:00Z'));
    const offer = (await t.gql(OFFER, { id: source.offer.id })).data!.offer;
    expect(offer).toMatchObject({
      title: expect.stringContaining('Ingénieur d'),
      contractType: 'APPRENTICESHIP',
      location: { inseeCode: '76540' },
      organization: { name: 'Ikos', siret: null, claimed: false },
      partnerApplication: { url: expect.stringMatching(/^https:\/\/www\.apec\.fr\//), email: null },
    });
    expect(offer.status).toBe(offer.occupationToReview ? 'DRAFT' : 'PUBLISHED');

    // Applying goes through the partner's page.
    const published = await t.orm.em.fork().findOneOrFail(OfferEntity, { id: { $in: (await t.orm.em.fork().find(OfferSourceEntity, { source: 'apec' })).map((s) => s.offer.id) }, status: 'PUBLISHED' } as never);
    const apply = await t.gql(APPLY, { input: { offerId: published.id, message: 'Bonjour' } }, candidate.token);
    expect(apply.errors?.[0].extensions).toMatchObject({ reason: 'APPLY_ON_PARTNER' });

    // The search index caught up: the offer is found by its title.
    const search = await t.gql(`query ($input: OfferSearchInput!) { searchOffers(input: $input) { edges { node { id } } } }`, { input: { query: published.title, first: 20 } });
    expect(search.errors).toBeUndefined();
    expect(search.data!.searchOffers.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(published.id);
  }, 60_000);

  it('imports the same feed again without writing any offer or outbox event', async () => {
    const before = await lastOutboxId();
    const versions = new Map((await t.orm.em.fork().find(OfferEntity, {})).map((o) => [o.id, o.version]));
    t.clock.advance(60 * 60_000);
    const again = await run('apec', path.join(FEEDS, 'apec-import-apec.xml'));
    const first = await t.orm.em.fork().findOneOrFail(ImportRunEntity, { source: 'apec', id: { $ne: again.id } });
    expect(again).toMatchObject({ status: 'SUCCEEDED', read: 5, created: 0, updated: 0, closed: 0, unchanged: first.created, rejected: first.rejected });
    expect(await lastOutboxId()).toBe(before);
    for (const o of await t.orm.em.fork().find(OfferEntity, {})) expect(o.version).toBe(versions.get(o.id));
    // Seen again: the provenance says so.
    expect((await sourceRow('apec', '177777865W')).lastSeenAt).toEqual(new Date('2026-12-01T09:00:00Z'));
  }, 60_000);

  it('updates a changed offer and closes one its partner stopped listing after two complete runs, telling its applicants', async () => {
    const rows = [BUTCHER('lbc-1', 'Saint-Cyr-sur-Loire', '37540'), BUTCHER('lbc-2', 'Tours', '37000'), BUTCHER('lbc-3', 'Joué-lès-Tours', '37300'), BUTCHER('lbc-4', 'Blois', '41000')];
    const created = await run('leboncoin', write('lbc-1.csv', leboncoinCsv(rows)));
    expect(created).toMatchObject({ status: 'SUCCEEDED', read: 4, created: 4, flagged: 0, rejected: 0 });
    const first = (await sourceRow('leboncoin', 'lbc-1')).offer.id;
    const offer = (await t.gql(OFFER, { id: first })).data!.offer;
    // No page to apply on: candidates apply here.
    expect(offer).toMatchObject({ status: 'PUBLISHED', romeCode: 'D1101', partnerApplication: null, location: { postcode: '37540' } });
    const application = await t.gql(APPLY, { input: { offerId: first, message: 'Bonjour, je suis apprentie bouchère.' } }, (await signIn(candidate)).token);
    expect(application.errors).toBeUndefined();

    // The partner changes one offer.
    t.clock.advance(24 * 60 * 60_000);
    const changed = rows.map((r) => (r.id === 'lbc-4' ? { ...r, description: `${r.description} Prime de fin d'année.` } : r));
    expect(await run('leboncoin', write('lbc-2.csv', leboncoinCsv(changed)))).toMatchObject({ read: 4, created: 0, updated: 1, unchanged: 3, closed: 0 });

    // It stops listing the first: one run missing is not enough, two are.
    const without = changed.filter((r) => r.id !== 'lbc-1');
    t.clock.advance(24 * 60 * 60_000);
    expect(await run('leboncoin', write('lbc-3.csv', leboncoinCsv(without)))).toMatchObject({ read: 3, unchanged: 3, closed: 0, closingSkipped: null });
    expect((await t.gql(OFFER, { id: first })).data!.offer.status).toBe('PUBLISHED');
    t.clock.advance(24 * 60 * 60_000);
    expect(await run('leboncoin', write('lbc-4.csv', leboncoinCsv(without)))).toMatchObject({ read: 3, closed: 1 });
    expect((await t.gql(OFFER, { id: first })).data!.offer.status).toBe('CLOSED');
    const notices = await t.gql(`{ myNotifications(first: 10) { edges { node { kind subjectType subjectId } } } }`, {}, (await signIn(candidate)).token);
    expect(notices.data!.myNotifications.edges.map((e: { node: unknown }) => e.node)).toContainEqual({ kind: 'OFFER_EXPIRED', subjectType: 'APPLICATION', subjectId: application.data!.applyToOffer.id });
  }, 60_000);

  it('closes nothing when a feed breaks or shrinks, and keeps what it read before the break', async () => {
    const rows = [BUTCHER('lbc-2', 'Tours', '37000'), BUTCHER('lbc-3', 'Joué-lès-Tours', '37300'), BUTCHER('lbc-4', 'Blois', '41000')];
    const text = leboncoinCsv(rows);
    // Cut in the middle of the last row's quoted description.
    const broken = await run('leboncoin', write('broken.csv', text.slice(0, text.lastIndexOf('Blois') + 40)));
    expect(broken).toMatchObject({ status: 'FAILED', closingSkipped: 'FEED_FAILED', closed: 0 });
    expect(broken.rejections.at(-1)).toMatchObject({ reason: 'FEED_MALFORMED' });
    for (let i = 0; i < 3; i++) {
      t.clock.advance(24 * 60 * 60_000);
      expect(await run('leboncoin', write(`small-${i}.csv`, leboncoinCsv(rows.slice(0, 1))))).toMatchObject({ status: 'SUCCEEDED', closed: 0, closingSkipped: 'FEED_SHRANK' });
    }
    // A partial feed (changes only) never counts absences.
    expect(await run('leboncoin', write('partial.csv', leboncoinCsv(rows.slice(0, 1))), false)).toMatchObject({ closed: 0, closingSkipped: 'PARTIAL_FEED' });
    for (const id of ['lbc-2', 'lbc-3', 'lbc-4']) expect((await t.gql(OFFER, { id: (await sourceRow('leboncoin', id)).offer.id })).data!.offer.status).toBe('PUBLISHED');
    // Staff who know the partner really dropped offers accept the new size: absences count again.
    const runWith = (file: string) => importer.run({ reader: partnerFeedReaders.leboncoin, input: createReadStream(file), location: file, acceptShrink: true });
    expect(await runWith(write('accepted.csv', leboncoinCsv(rows.slice(0, 1))))).toMatchObject({ closed: 0, closingSkipped: null });
    expect((await sourceRow('leboncoin', 'lbc-3')).missedRuns).toBe(1);
  }, 60_000);

  it("merges another partner's repost of an offer into one offer with two sources", async () => {
    const apec = await sourceRow('apec', '177777865W');
    const offer = await t.orm.em.fork().findOneOrFail(OfferEntity, { id: apec.offer.id });
    const repost = leboncoinCsv([{ id: 'lbc-apec', title: `Alternance - ${offer.title}`, city: offer.city!, postcode: offer.postcode!, company: 'IKOS', description: offer.description, url: 'https://www.leboncoin.fr/offres_d_emploi/1.htm' }]);
    const merged = await run('leboncoin', write('repost.csv', repost), false);
    expect(merged).toMatchObject({ read: 1, created: 0, merged: 1 });
    const sources = await t.orm.em.fork().find(OfferSourceEntity, { offer: offer.id }, { orderBy: { source: 'asc' } });
    expect(sources.map((s) => [s.source, s.externalId])).toEqual([['apec', '177777865W'], ['leboncoin', 'lbc-apec']]);
  }, 60_000);

  it('lets an employer claim, with its SIRET, the organization an import created', async () => {
    const buddi = await run('hellowork-buddi', path.join(FEEDS, 'hellowork-buddi-import-hello-work-buddi.xml'));
    expect(buddi.created + buddi.rejected).toBe(3);
    const org = await t.orm.em.fork().findOneOrFail(OrganizationEntity, { siret: '81272495300029' });
    expect(org.claimed).toBe(false);
    const signUp = (email: string) =>
      t.gql(`mutation ($input: SignUpInput!) { signUp(input: $input) { user { organization { id claimed } } } }`, {
        input: { email, password: PASSWORD, role: 'EMPLOYER', displayName: 'Responsable RH', organization: { name: 'Restaurants du Nord', siret: '81272495300029', country: 'FR' } },
      });
    const claimed = await signUp(`claim-${process.pid}@example.test`);
    expect(claimed.errors).toBeUndefined();
    expect(claimed.data!.signUp.user.organization).toEqual({ id: org.id, claimed: true });
    expect((await signUp(`late-${process.pid}@example.test`)).errors?.[0].extensions?.reason).toBe('SIRET_TAKEN');
  }, 60_000);

  it('reports bad records with their place, and imports the rest', async () => {
    const lines = leboncoinCsv([{ ...BUTCHER('lbc-bad', 'Atlantis', '99999') }, { ...BUTCHER('', 'Tours', '37000') }, BUTCHER('lbc-ok', 'Amboise', '37400')]);
    const result = await run('leboncoin', write('bad.csv', lines), false);
    expect(result).toMatchObject({ status: 'SUCCEEDED', read: 3, created: 1, rejected: 2 });
    expect(result.rejections.map((r) => r.reason).sort()).toEqual(['MISSING_ID', 'UNKNOWN_PLACE']);
    expect(result.rejections.find((r) => r.reason === 'UNKNOWN_PLACE')).toMatchObject({ record: 1 });
  }, 60_000);

  it('keeps an offer whose occupation is unsure as a draft for staff, who set it and publish', async () => {
    const result = await run('leboncoin', write('unsure.csv', leboncoinCsv([{ ...BUTCHER('lbc-seller', 'Tours', '37000'), title: 'Alternance - Vendeur H/F' }])), false);
    expect(result).toMatchObject({ created: 1, flagged: 1 });
    const id = (await sourceRow('leboncoin', 'lbc-seller')).offer.id;
    const REVIEW = `{ offersToReview(first: 100) { id status occupationToReview } }`;
    const review = await t.gql(REVIEW, {}, (await signIn(recruiter)).token);
    expect(review.data!.offersToReview).toContainEqual({ id, status: 'DRAFT', occupationToReview: true });
    expect((await t.gql(REVIEW, {}, (await signIn(candidate)).token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Nobody but staff and the (unclaimed) organization sees the draft.
    expect((await t.gql(OFFER, { id })).data!.offer).toBeNull();
    const fixed = await t.gql(`mutation ($id: ID!) { updateOffer(id: $id, input: { romeCode: "D1211" }) { id } }`, { id }, recruiter.token);
    expect(fixed.errors).toBeUndefined();
    await t.gql(`mutation ($id: ID!) { publishOffer(id: $id) { id } }`, { id }, recruiter.token);
    expect((await t.gql(OFFER, { id })).data!.offer).toMatchObject({ status: 'PUBLISHED', romeCode: 'D1211', occupationToReview: false });
    expect((await t.gql(REVIEW, {}, recruiter.token)).data!.offersToReview.map((o: { id: string }) => o.id)).not.toContain(id);
    // The same feed again keeps what staff decided.
    expect(await run('leboncoin', write('unsure-again.csv', leboncoinCsv([{ ...BUTCHER('lbc-seller', 'Tours', '37000'), title: 'Alternance - Vendeur H/F', description: 'Vente en magasin.' }])), false)).toMatchObject({ updated: 1, flagged: 0 });
    expect((await t.gql(OFFER, { id })).data!.offer).toMatchObject({ status: 'PUBLISHED', romeCode: 'D1211' });
  }, 60_000);
});
