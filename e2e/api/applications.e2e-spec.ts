import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Notice, NoticeKind, Role } from '@alternance/platform/domain';
import { DataSubject, PersonalDataRegistry } from '@alternance/platform/nest';
import { ApplicationEntity, ApplicationEventEntity } from '@alternance/applications/data-access';
import { ApplicationNotices } from '@alternance/applications/feature';
import { ApplicationStatus } from '@alternance/applications/domain';
import { OfferEntity } from '@alternance/offers/data-access';
import { APPRENTICE_PROFILE, Actor, createOffer, signUpCandidate, signUpEmployer, staff, upsertProfile } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';

const APPLICATION = `id status allowedMoves message rejectionReason answers { question answer }
  offer { id status applicationsCount } candidate { id displayName email }
  history { status note actorRole actorUserId rejectionReason at }`;
const APPLY = `mutation ($input: ApplyInput!) { applyToOffer(input: $input) { ${APPLICATION} } }`;
const MOVE = `mutation ($id: ID!, $status: ApplicationStatus!, $note: String, $reason: RejectionReason) {
  moveApplication(id: $id, status: $status, note: $note, rejectionReason: $reason) { ${APPLICATION} } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawApplication(id: $id) { ${APPLICATION} } }`;
const GET = `query ($id: ID!) { application(id: $id) { ${APPLICATION} } }`;
const MINE = `{ myApplications(first: 50) { totalCount edges { node { id status offer { id } } } } }`;
const OFFER_APPLICATIONS = `query ($id: ID!, $status: ApplicationStatus) { offer(id: $id) { id applicationsCount
  applications(first: 20, status: $status) { totalCount edges { node { id status candidate { id displayName } } } } } }`;

describe(`applications (${engine})`, () => {
  let t: TestApp;
  let employer: Actor;
  let rival: Actor;
  let recruiter: Actor;
  let camille: Actor;
  let anon: Actor;
  let older: Actor;
  let noProfile: Actor;
  const posted: Notice[] = [];

  const profile = (actor: Actor, input: Record<string, unknown>) => upsertProfile(t, actor, input);

  const offer = (overrides: Record<string, unknown> = {}, publish = true, by: Actor = employer) => createOffer(t, by, overrides, publish);

  async function apply(actor: Actor, offerId: string, extra: Record<string, unknown> = {}) {
    return t.gql(APPLY, { input: { offerId, message: 'Bonjour, je suis motivée.', ...extra } }, actor.token);
  }

  async function applied(actor: Actor, offerId: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await apply(actor, offerId, extra);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.applyToOffer.id;
  }

  async function move(id: string, status: string, by: Actor = employer, note?: string, reason?: string) {
    return t.gql(MOVE, { id, status, note, reason }, by.token);
  }

  function noticesOf(kind: NoticeKind): Notice[] {
    return posted.filter((n) => n.kind === kind);
  }

  beforeAll(async () => {
    t = await startTestApp();
    // The harness cannot swap providers: record what reaches the notice board, and pass it on.
    const notices = t.app.get(ApplicationNotices);
    const post = notices.post.bind(notices);
    jest.spyOn(notices, 'post').mockImplementation((em, list) => {
      posted.push(...list);
      post(em, list);
    });
    [employer, rival, recruiter, camille, anon, older, noProfile] = await Promise.all([
      signUpEmployer(t, 'Atelier Numérique'),
      signUpEmployer(t, 'Concurrent SA'),
      staff(t, Role.RECRUITER),
      signUpCandidate(t, 'Camille Martin'),
      signUpCandidate(t, 'Alex Discret'),
      signUpCandidate(t, 'Dominique Senior'),
      signUpCandidate(t, 'Sans Profil'),
    ]);
    await profile(camille, { ...APPRENTICE_PROFILE, visibility: 'PUBLIC' });
    await profile(anon, { ...APPRENTICE_PROFILE, visibility: 'ANONYMOUS' });
    await profile(older, { ...APPRENTICE_PROFILE, visibility: 'PUBLIC', birthDate: '1990-05-01' });
  }, 60_000);
  afterAll(() => t.close());
  beforeEach(() => {
    posted.length = 0;
  });

  describe('applying', () => {
    it('applies to a published offer, counts it and tells the organization', async () => {
      const offerId = await offer();
      const res = await apply(camille, offerId);
      expect(res.errors).toBeUndefined();
      const application = res.data!.applyToOffer;
      expect(application).toMatchObject({
        status: 'SUBMITTED',
        allowedMoves: ['WITHDRAWN'],
        message: 'Bonjour, je suis motivée.',
        answers: [],
        offer: { id: offerId, applicationsCount: 1 },
        candidate: { displayName: 'Camille Martin' },
        history: [{ status: 'SUBMITTED', actorRole: 'CANDIDATE', actorUserId: camille.userId, note: null, at: '2026-11-23T09:00:00.000Z' }],
      });
      const [notice] = noticesOf(NoticeKind.APPLICATION_RECEIVED);
      expect(notice).toMatchObject({ recipientUserId: employer.userId, subjectType: 'APPLICATION', subjectId: application.id, aboutUserId: camille.userId });
      expect(notice.body).toContain('Camille Martin');
    });

    it('keeps an anonymous applicant anonymous to the employer, in the API and in the notice', async () => {
      const offerId = await offer();
      const id = await applied(anon, offerId);
      const [notice] = noticesOf(NoticeKind.APPLICATION_RECEIVED);
      expect(`${notice.title} ${notice.body}`).not.toMatch(/Alex|Discret|2006|job seeker/i);
      const seen = await t.gql(`query ($id: ID!) { application(id: $id) { candidate { displayName email headline } } }`, { id }, employer.token);
      expect(seen.data!.application.candidate).toEqual({ displayName: null, email: null, headline: null });
      const privateField = await t.gql(`query ($id: ID!) { application(id: $id) { candidate { birthDate } } }`, { id }, employer.token);
      expect(privateField.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PRIVATE_FIELD' });
      expect((await t.gql(GET, { id }, recruiter.token)).data!.application.candidate.displayName).toBe('Alex Discret');
    });

    it('refuses drafts, closed and expired offers, writing nothing', async () => {
      const draft = await offer({}, false);
      expect((await apply(camille, draft)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      const closed = await offer();
      await t.gql(`mutation ($id: ID!) { closeOffer(id: $id) { id } }`, { id: closed }, employer.token);
      expect((await apply(camille, closed)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OFFER_NOT_OPEN' });
      const expired = await offer();
      await t.orm.em.fork().nativeUpdate(OfferEntity, { id: expired }, { expiresAt: new Date('2026-11-23T08:59:59Z') });
      const late = await apply(camille, expired);
      expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OFFER_EXPIRED' });
      expect(await t.orm.em.fork().count(ApplicationEntity, { offer: { $in: [draft, closed, expired] } })).toBe(0);
      expect(posted).toEqual([]);
    });

    it('refuses an ineligible candidate, naming the rule to them only', async () => {
      const offerId = await offer();
      const res = await apply(older, offerId);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ELIGIBLE' });
      expect(res.errors?.[0].message).toMatch(/above the maximum of 29 for an apprenticeship/);
      expect(await t.orm.em.fork().count(ApplicationEntity, { offer: offerId })).toBe(0);
      expect(posted).toEqual([]);
    });

    it('needs a candidate profile and the candidate role', async () => {
      const offerId = await offer();
      expect((await apply(noProfile, offerId)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CANDIDATE_PROFILE_REQUIRED' });
      expect((await apply(employer, offerId)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
      expect((await t.gql(APPLY, { input: { offerId } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await apply(camille, 'not-an-id')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offerId' });
    });

    it('answers a repeat with CONFLICT, never a duplicate', async () => {
      const offerId = await offer();
      await applied(camille, offerId);
      const again = await apply(camille, offerId);
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_APPLIED' });
      expect(await t.orm.em.fork().count(ApplicationEntity, { offer: offerId })).toBe(1);
    });

    it('turns 100 simultaneous applications into one application and 99 CONFLICTs', async () => {
      const offerId = await offer();
      const racer = await signUpCandidate(t, 'Rapide Candidat');
      await profile(racer, { ...APPRENTICE_PROFILE, visibility: 'PUBLIC' });
      const results = await Promise.all(Array.from({ length: 100 }, () => apply(racer, offerId)));
      const ok = results.filter((r) => !r.errors);
      const codes = results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code);
      expect(ok).toHaveLength(1);
      expect(codes).toEqual(Array(99).fill('CONFLICT'));
      const em = t.orm.em.fork();
      expect(await em.count(ApplicationEntity, { offer: offerId })).toBe(1);
      expect(await em.count(ApplicationEventEntity, { application: ok[0].data!.applyToOffer.id })).toBe(1);
      // The database itself refuses a second row (what the service turns into CONFLICT when a race gets past its check).
      const first = await em.findOneOrFail(ApplicationEntity, { offer: offerId });
      const copy = { id: randomUUID(), offer: offerId, candidate: first.candidate!.id, status: first.status, message: '', answers: [], createdAt: new Date(), updatedAt: new Date(), version: 1 };
      await expect(t.orm.em.fork().insert(ApplicationEntity, copy)).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    }, 60_000);
  });

  describe('screening questions', () => {
    it('are set on the offer, within limits', async () => {
      const questions = ['Pourquoi ce métier ?', 'Avez-vous le permis B ?'];
      const created = await t.gql(
        `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id screeningQuestions } }`,
        {
          input: {
            title: 'Questions',
            description: 'x',
            contractType: 'APPRENTICESHIP',
            romeCode: 'M1805',
            location: { country: 'FR', postcode: '69003' },
            remotePolicy: 'HYBRID',
            startDate: { earliest: '2027-01-04', latest: '2027-03-01' },
            screeningQuestions: questions,
          },
        },
        employer.token,
      );
      expect(created.data!.createOffer.screeningQuestions).toEqual(questions);
      const id = created.data!.createOffer.id;
      const update = `mutation ($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { screeningQuestions } }`;
      for (const bad of [['a', 'b', 'c', 'd'], ['x'.repeat(301)], ['   ']]) {
        const res = await t.gql(update, { id, input: { screeningQuestions: bad } }, employer.token);
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'screeningQuestions' });
      }
      expect((await t.gql(update, { id, input: { screeningQuestions: [' Une seule ? '] } }, employer.token)).data!.updateOffer.screeningQuestions).toEqual(['Une seule ?']);
    });

    it('must be answered, one answer each, to apply', async () => {
      const offerId = await offer({ screeningQuestions: ['Pourquoi ce métier ?', 'Avez-vous le permis B ?'] });
      expect((await apply(camille, offerId)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers' });
      expect((await apply(camille, offerId, { answers: ['Par passion.', ' '] })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers[1]' });
      expect((await apply(camille, offerId, { answers: ['Par passion.', 'x'.repeat(2001)] })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers' });
      const ok = await apply(camille, offerId, { answers: ['Par passion.', 'Oui'] });
      expect(ok.data!.applyToOffer.answers).toEqual([
        { question: 'Pourquoi ce métier ?', answer: 'Par passion.' },
        { question: 'Avez-vous le permis B ?', answer: 'Oui' },
      ]);
      const noQuestions = await offer();
      expect((await apply(camille, noQuestions, { answers: ['?'] })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers' });
    });
  });

  describe('the pipeline', () => {
    it('moves forward with a history of who, when and why, and tells the candidate', async () => {
      const id = await applied(camille, await offer());
      t.clock.advance(60_000);
      const reviewed = await move(id, 'IN_REVIEW', employer, 'Profil intéressant');
      expect(reviewed.errors).toBeUndefined();
      expect(reviewed.data!.moveApplication).toMatchObject({ status: 'IN_REVIEW', allowedMoves: ['INTERVIEW', 'OFFERED', 'REJECTED'] });
      const byStaff = await move(id, 'INTERVIEW', recruiter);
      expect(byStaff.data!.moveApplication.history).toEqual([
        expect.objectContaining({ status: 'SUBMITTED', actorRole: 'CANDIDATE', actorUserId: camille.userId }),
        expect.objectContaining({ status: 'IN_REVIEW', actorRole: 'EMPLOYER', actorUserId: employer.userId, note: 'Profil intéressant', at: '2026-11-23T09:01:00.000Z' }),
        expect.objectContaining({ status: 'INTERVIEW', actorRole: 'RECRUITER', actorUserId: recruiter.userId, note: null }),
      ]);
      const told = noticesOf(NoticeKind.APPLICATION_STATUS_CHANGED);
      expect(told.map((n) => n.recipientUserId)).toEqual([camille.userId, camille.userId]);
      expect(told[0].body).toContain('Profil intéressant');
      const rejected = await move(id, 'REJECTED', employer, undefined, 'SKILLS_MISMATCH');
      expect(rejected.data!.moveApplication).toMatchObject({ status: 'REJECTED', rejectionReason: 'SKILLS_MISMATCH', allowedMoves: [] });
      expect(rejected.data!.moveApplication.history[3]).toMatchObject({ status: 'REJECTED', rejectionReason: 'SKILLS_MISMATCH' });
      const candidateView = await t.gql(GET, { id }, camille.token);
      expect(candidateView.data!.application).toMatchObject({ status: 'REJECTED', allowedMoves: [] });
    });

    it('refuses illegal moves with the allowed ones, and writes nothing', async () => {
      const id = await applied(camille, await offer());
      await move(id, 'IN_REVIEW');
      const skip = await move(id, 'HIRED');
      expect(skip.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ILLEGAL_STATUS_CHANGE', field: 'status' });
      expect(skip.errors?.[0].message).toContain('allowed: INTERVIEW, OFFERED, REJECTED');
      expect((await move(id, 'WITHDRAWN')).errors?.[0].message).toContain('only the candidate withdraws');
      expect((await move(id, 'REJECTED')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rejectionReason' });
      expect((await move(id, 'INTERVIEW', employer, undefined, 'OTHER')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rejectionReason' });
      const after = await t.gql(GET, { id }, employer.token);
      expect(after.data!.application).toMatchObject({ status: 'IN_REVIEW', rejectionReason: null });
      expect(after.data!.application.history).toHaveLength(2);
    });

    it('lets only the offer’s organization and staff move, and only the candidate withdraw', async () => {
      const offerId = await offer();
      const id = await applied(camille, offerId);
      expect((await move(id, 'IN_REVIEW', rival)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect((await move(id, 'IN_REVIEW', camille)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
      expect((await t.gql(MOVE, { id, status: 'IN_REVIEW' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await t.gql(WITHDRAW, { id }, anon.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await t.gql(WITHDRAW, { id }, employer.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const withdrawn = await t.gql(WITHDRAW, { id }, camille.token);
      expect(withdrawn.data!.withdrawApplication).toMatchObject({ status: 'WITHDRAWN', allowedMoves: [], offer: { applicationsCount: 0 } });
      expect(withdrawn.data!.withdrawApplication.history[1]).toMatchObject({ status: 'WITHDRAWN', actorRole: 'CANDIDATE' });
      expect(noticesOf(NoticeKind.APPLICATION_STATUS_CHANGED)).toEqual([expect.objectContaining({ recipientUserId: employer.userId, subjectId: id })]);
      expect((await t.gql(WITHDRAW, { id }, camille.token)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ILLEGAL_STATUS_CHANGE' });
      // Withdrawn means the candidate may not apply again: one application per offer.
      expect((await apply(camille, offerId)).errors?.[0].extensions?.code).toBe('CONFLICT');
    });

    it('fills the offer with its last hire, drops it from search and tells the other applicants', async () => {
      const title = 'Pâtissier Zéphyrin en alternance';
      const offerId = await offer({ title, positions: 1 });
      const search = async () =>
        (await t.gql(`query ($input: OfferSearchInput!) { searchOffers(input: $input) { totalCount } }`, { input: { query: 'Zéphyrin' } })).data!.searchOffers.totalCount;
      expect(await search()).toBe(1);
      const hiredId = await applied(camille, offerId);
      const otherId = await applied(anon, offerId);
      for (const status of ['IN_REVIEW', 'OFFERED']) await move(hiredId, status);
      await move(otherId, 'IN_REVIEW');
      posted.length = 0;
      const hired = await move(hiredId, 'HIRED', employer, 'Bienvenue !');
      expect(hired.errors).toBeUndefined();
      expect(hired.data!.moveApplication).toMatchObject({ status: 'HIRED', offer: { status: 'FILLED', applicationsCount: 2 } });
      expect(noticesOf(NoticeKind.OFFER_FILLED)).toEqual([expect.objectContaining({ recipientUserId: anon.userId, subjectId: otherId })]);
      expect(noticesOf(NoticeKind.OFFER_FILLED)[0].body).not.toContain('Camille');
      expect(await search()).toBe(0);
      await move(otherId, 'OFFERED');
      const beyond = await move(otherId, 'HIRED');
      expect(beyond.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'POSITIONS_FILLED' });
      expect((await t.gql(GET, { id: otherId }, employer.token)).data!.application.status).toBe('OFFERED');
      expect((await move(otherId, 'REJECTED', employer, undefined, 'POSITION_FILLED')).data!.moveApplication.status).toBe('REJECTED');
    });

    it('lets only one of two simultaneous hires take the last position', async () => {
      const offerId = await offer({ positions: 1 });
      const first = await applied(camille, offerId);
      const second = await applied(anon, offerId);
      for (const id of [first, second]) for (const status of ['IN_REVIEW', 'OFFERED']) await move(id, status);
      const results = await Promise.all([move(first, 'HIRED'), move(second, 'HIRED', recruiter)]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(1);
      expect(await t.orm.em.fork().count(ApplicationEntity, { offer: offerId, status: ApplicationStatus.HIRED })).toBe(1);
      expect((await t.orm.em.fork().findOneOrFail(OfferEntity, { id: offerId })).status).toBe('FILLED');
    });

    it('keeps the offer published until its last position is taken', async () => {
      const offerId = await offer({ positions: 2 });
      const id = await applied(camille, offerId);
      await move(id, 'IN_REVIEW');
      await move(id, 'OFFERED');
      const res = await move(id, 'HIRED');
      expect(res.data!.moveApplication.offer.status).toBe('PUBLISHED');
      expect(noticesOf(NoticeKind.OFFER_FILLED)).toEqual([]);
    });
  });

  describe('who sees what', () => {
    let offerId: string;
    let id: string;

    beforeAll(async () => {
      offerId = await offer();
      id = await applied(camille, offerId);
      await applied(anon, offerId);
    });

    it('shows one application to its candidate, the offer’s organization and staff only', async () => {
      for (const actor of [camille, employer, recruiter]) expect((await t.gql(GET, { id }, actor.token)).data!.application.id).toBe(id);
      for (const actor of [anon, rival]) expect((await t.gql(GET, { id }, actor.token)).data!.application).toBeNull();
      expect((await t.gql(GET, { id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await t.gql(GET, { id: 'nope' }, camille.token)).data!.application).toBeNull();
    });

    it('lists an offer’s applications for its organization and staff, with a status filter', async () => {
      const mine = await t.gql(OFFER_APPLICATIONS, { id: offerId }, employer.token);
      expect(mine.data!.offer).toMatchObject({ applicationsCount: 2, applications: { totalCount: 2 } });
      expect(mine.data!.offer.applications.edges.map((e: { node: { candidate: { displayName: string | null } } }) => e.node.candidate.displayName).sort()).toEqual([
        'Camille Martin',
        null,
      ]);
      expect((await t.gql(OFFER_APPLICATIONS, { id: offerId, status: 'HIRED' }, recruiter.token)).data!.offer.applications.totalCount).toBe(0);
      const byRival = await t.gql(OFFER_APPLICATIONS, { id: offerId }, rival.token);
      expect(byRival.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_OFFER' });
      expect(byRival.data!.offer).toMatchObject({ id: offerId, applicationsCount: 2, applications: null });
      expect((await t.gql(OFFER_APPLICATIONS, { id: offerId }, camille.token)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
      expect((await t.gql(OFFER_APPLICATIONS, { id: offerId })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('lists the candidate’s own applications, for candidates only', async () => {
      const mine = await t.gql(MINE, {}, camille.token);
      expect(mine.data!.myApplications.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
      expect(mine.data!.myApplications.totalCount).toBe(mine.data!.myApplications.edges.length);
      expect((await t.gql(MINE, {}, noProfile.token)).data!.myApplications).toEqual({ totalCount: 0, edges: [] });
      expect((await t.gql(MINE, {}, employer.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql(MINE)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const paged = await t.gql(`{ myApplications(first: 1) { edges { cursor } pageInfo { hasNextPage } } }`, {}, camille.token);
      expect(paged.data!.myApplications.pageInfo.hasNextPage).toBe(true);
      expect((await t.gql(`{ myApplications(first: 101) { totalCount } }`, {}, camille.token)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('counts applications for a whole list of offers, for anyone', async () => {
      const res = await t.gql(`query ($id: ID!) { organization(id: $id) { offers { id status applicationsCount } } }`, { id: employer.organizationId });
      const counts = new Map<string, number>(res.data!.organization.offers.map((o: { id: string; applicationsCount: number }) => [o.id, o.applicationsCount]));
      expect(counts.get(offerId)).toBe(2);
      const em = t.orm.em.fork();
      for (const [offer, count] of counts) {
        expect(count).toBe(await em.count(ApplicationEntity, { offer, status: { $ne: ApplicationStatus.WITHDRAWN } }));
      }
    });
  });

  describe('personal data', () => {
    it('exports a candidate’s applications and erases them from the employer’s copy', async () => {
      const subjectActor = await signUpCandidate(t, 'Efface Moi');
      const candidateId = await profile(subjectActor, { ...APPRENTICE_PROFILE, visibility: 'PUBLIC' });
      const offerId = await offer({ screeningQuestions: ['Pourquoi ?'] });
      const id = await applied(subjectActor, offerId, { answers: ['Parce que.'] });
      await move(id, 'IN_REVIEW', employer, 'Rappeler Efface Moi lundi');
      const holder = t.app.get(PersonalDataRegistry).holders().find((h) => h.section === 'applications')!;
      const subject: DataSubject = { userId: subjectActor.userId, email: subjectActor.email, candidateId };
      const exported = (await holder.export(subject, t.orm.em.fork())) as { applications: Record<string, unknown>[]; invitations: unknown[] };
      expect(exported.applications).toEqual([
        expect.objectContaining({
          id,
          offer: { id: offerId, title: 'Développeur web en alternance' },
          status: 'IN_REVIEW',
          message: 'Bonjour, je suis motivée.',
          answers: [{ question: 'Pourquoi ?', answer: 'Parce que.' }],
          history: [expect.objectContaining({ status: 'SUBMITTED', byYou: true }), expect.objectContaining({ status: 'IN_REVIEW', byYou: false, note: 'Rappeler Efface Moi lundi' })],
        }),
      ]);
      const em = t.orm.em.fork();
      await em.transactional((tx) => holder.erase(subject, tx));
      const kept = await t.orm.em.fork().findOneOrFail(ApplicationEntity, { id }, { populate: ['history'] });
      expect(kept).toMatchObject({ candidate: null, message: '', answers: [], status: 'IN_REVIEW' });
      expect(kept.history.getItems().map((h) => [h.status, h.note, h.actorUserId])).toEqual([
        ['SUBMITTED', null, null],
        ['IN_REVIEW', null, employer.userId],
      ]);
      const employerView = await t.gql(GET, { id }, employer.token);
      expect(employerView.data!.application).toMatchObject({ candidate: null, message: '', status: 'IN_REVIEW' });
      expect(await holder.export(subject, t.orm.em.fork())).toMatchObject({ applications: [], invitations: [] });
    });
  });
});
