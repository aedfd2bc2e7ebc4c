import { Notice, NoticeKind, Role } from '@alternance/platform/domain';
import { DataSubject, PersonalDataRegistry } from '@alternance/platform/nest';
import { ApplicationEntity, InvitationEntity } from '@alternance/applications/data-access';
import { ApplicationNotices } from '@alternance/applications/feature';
import { APPRENTICE_PROFILE, Actor, createOffer, signUpCandidate, signUpEmployer, staff, upsertProfile } from '../support/actors';
import { GraphqlResponse, TestApp, engine, startTestApp } from '../support/test-app';

const INVITATION = `id status message applicationId createdAt answeredAt offer { id title } candidate { id displayName email }`;
const INVITE = `mutation ($input: InviteInput!) { inviteCandidate(input: $input) { ${INVITATION} } }`;
const ACCEPT = `mutation ($id: ID!, $input: AcceptInvitationInput) { acceptInvitation(id: $id, input: $input) { ${INVITATION} } }`;
const DECLINE = `mutation ($id: ID!) { declineInvitation(id: $id) { ${INVITATION} } }`;
const MY_INVITATIONS = `query ($status: InvitationStatus) { myInvitations(first: 20, status: $status) { totalCount edges { node { id status offer { id } } } } }`;
const OFFER_INVITATIONS = `query ($id: ID!) { offer(id: $id) { invitations(first: 20) { totalCount edges { node { id status candidate { id displayName email } } } } } }`;
const CANDIDATE = `query ($id: ID!) { candidate(id: $id) { id displayName email } }`;

describe(`invitations (${engine})`, () => {
  let t: TestApp;
  let employer: Actor;
  let rival: Actor;
  let recruiter: Actor;
  let anon: Actor;
  let pub: Actor;
  let hidden: Actor;
  let older: Actor;
  const ids: Record<string, string> = {};
  const posted: Notice[] = [];

  const profile = (actor: Actor, input: Record<string, unknown>) => upsertProfile(t, actor, input);

  const offer = (overrides: Record<string, unknown> = {}, publish = true) => createOffer(t, employer, overrides, publish);

  function invite(offerId: string, candidateId: string, by: Actor | null = employer, message = 'Votre profil nous intéresse.') {
    return t.gql(INVITE, { input: { offerId, candidateId, message } }, by?.token);
  }

  async function invited(offerId: string, candidateId: string, by: Actor = employer): Promise<string> {
    const res = await invite(offerId, candidateId, by);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.inviteCandidate.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const notices = t.app.get(ApplicationNotices);
    const post = notices.post.bind(notices);
    jest.spyOn(notices, 'post').mockImplementation((em, list) => {
      posted.push(...list);
      post(em, list);
    });
    [employer, rival, recruiter, anon, pub, hidden, older] = await Promise.all([
      signUpEmployer(t, 'Atelier Numérique'),
      signUpEmployer(t, 'Concurrent SA'),
      staff(t, Role.RECRUITER),
      signUpCandidate(t, 'Alex Discret'),
      signUpCandidate(t, 'Paula Publique'),
      signUpCandidate(t, 'Hugo Cache'),
      signUpCandidate(t, 'Dominique Senior'),
    ]);
    ids.anon = await profile(anon, { ...APPRENTICE_PROFILE, visibility: 'ANONYMOUS' });
    ids.pub = await profile(pub, { ...APPRENTICE_PROFILE, visibility: 'PUBLIC' });
    ids.hidden = await profile(hidden, { ...APPRENTICE_PROFILE, visibility: 'HIDDEN' });
    ids.older = await profile(older, { ...APPRENTICE_PROFILE, visibility: 'ANONYMOUS', birthDate: '1990-05-01' });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    posted.length = 0;
  });

  it('invites a marketplace candidate to a published offer and tells them', async () => {
    const offerId = await offer();
    const res = await invite(offerId, ids.anon);
    expect(res.errors).toBeUndefined();
    expect(res.data!.inviteCandidate).toMatchObject({
      status: 'PENDING',
      message: 'Votre profil nous intéresse.',
      applicationId: null,
      answeredAt: null,
      offer: { id: offerId },
      candidate: { id: ids.anon, displayName: null, email: null },
    });
    const [notice] = posted;
    expect(notice).toMatchObject({ kind: NoticeKind.INVITATION_RECEIVED, recipientUserId: anon.userId, subjectType: 'INVITATION', subjectId: res.data!.inviteCandidate.id });
    expect(notice.title).toContain('Atelier Numérique');
    const listed = await t.gql(OFFER_INVITATIONS, { id: offerId }, employer.token);
    expect(listed.data!.offer.invitations).toMatchObject({ totalCount: 1, edges: [{ node: { status: 'PENDING', candidate: { id: ids.anon, displayName: null } } }] });
  });

  it('refuses a second invitation, hidden candidates, closed offers and other organizations’ offers', async () => {
    const offerId = await offer();
    await invited(offerId, ids.anon);
    expect((await invite(offerId, ids.anon)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_PENDING' });
    expect((await invite(offerId, ids.hidden)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CANDIDATE_NOT_IN_MARKETPLACE' });
    expect((await invite(offerId, ids.hidden, recruiter)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CANDIDATE_NOT_IN_MARKETPLACE' });
    expect((await invite(offerId, '00000000-0000-4000-8000-000000000000')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await invite(offerId, ids.pub, rival)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_OFFER' });
    const draft = await offer({}, false);
    expect((await invite(draft, ids.pub)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OFFER_NOT_OPEN' });
    expect((await invite(draft, ids.pub, rival)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await invite(offerId, 'nope')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'candidateId' });
    expect(await t.orm.em.fork().count(InvitationEntity, { offer: offerId })).toBe(1);
    // Staff invite for any organization.
    expect((await invite(offerId, ids.pub, recruiter)).data!.inviteCandidate.status).toBe('PENDING');
  });

  it('accepting applies, and reveals the anonymous candidate to the inviting organization only', async () => {
    const offerId = await offer();
    const id = await invited(offerId, ids.anon);
    await invited(offerId, ids.older);
    expect((await t.gql(CANDIDATE, { id: ids.anon }, employer.token)).data!.candidate).toEqual({ id: ids.anon, displayName: null, email: null });
    expect((await t.gql(ACCEPT, { id }, pub.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(ACCEPT, { id }, employer.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    posted.length = 0;

    const res = await t.gql(ACCEPT, { id, input: { message: 'Avec plaisir.' } }, anon.token);
    expect(res.errors).toBeUndefined();
    const accepted = res.data!.acceptInvitation;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', answeredAt: '2026-11-23T09:00:00.000Z', applicationId: expect.any(String) });
    const application = await t.gql(`query ($id: ID!) { application(id: $id) { status message history { status note actorRole } candidate { displayName email } } }`, { id: accepted.applicationId }, employer.token);
    expect(application.data!.application).toEqual({
      status: 'SUBMITTED',
      message: 'Avec plaisir.',
      history: [{ status: 'SUBMITTED', note: 'Applied by accepting an invitation.', actorRole: 'CANDIDATE' }],
      candidate: { displayName: 'Alex Discret', email: anon.email },
    });
    expect(posted).toEqual([expect.objectContaining({ kind: NoticeKind.INVITATION_ANSWERED, recipientUserId: employer.userId, subjectId: id })]);
    expect(posted[0].body).toContain('Alex Discret accepted');

    expect((await t.gql(CANDIDATE, { id: ids.anon }, employer.token)).data!.candidate).toEqual({ id: ids.anon, displayName: 'Alex Discret', email: anon.email });
    expect((await t.gql(CANDIDATE, { id: ids.anon }, rival.token)).data!.candidate).toEqual({ id: ids.anon, displayName: null, email: null });
    // One page, two anonymous candidates: only the one who accepted is named.
    const page = await t.gql(OFFER_INVITATIONS, { id: offerId }, employer.token);
    const names = Object.fromEntries(page.data!.offer.invitations.edges.map((e: { node: { candidate: { id: string; displayName: string | null } } }) => [e.node.candidate.id, e.node.candidate.displayName]));
    expect(names).toEqual({ [ids.anon]: 'Alex Discret', [ids.older]: null });

    expect((await t.gql(ACCEPT, { id }, anon.token)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_ALREADY_ANSWERED' });
    expect((await invite(offerId, ids.anon)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_ACCEPTED' });
  });

  it('declining is final for that offer, and names nobody', async () => {
    const offerId = await offer();
    const id = await invited(offerId, ids.older);
    posted.length = 0;
    const declined = await t.gql(DECLINE, { id }, older.token);
    expect(declined.data!.declineInvitation).toMatchObject({ status: 'DECLINED', applicationId: null });
    expect(posted).toEqual([expect.objectContaining({ kind: NoticeKind.INVITATION_ANSWERED, recipientUserId: employer.userId })]);
    expect(posted[0].body).toBe('The candidate declined your invitation to “Développeur web en alternance”.');
    expect((await invite(offerId, ids.older)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_DECLINED' });
    expect((await t.gql(ACCEPT, { id }, older.token)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_ALREADY_ANSWERED' });
    expect((await t.gql(CANDIDATE, { id: ids.older }, employer.token)).data!.candidate.displayName).toBeNull();
    expect(await t.orm.em.fork().count(ApplicationEntity, { offer: offerId })).toBe(0);
  });

  it('accepting checks eligibility and screening answers like applying, and changes nothing when refused', async () => {
    const offerId = await offer({ screeningQuestions: ['Pourquoi nous ?'] });
    const id = await invited(offerId, ids.older);
    const refused = await t.gql(ACCEPT, { id, input: { answers: ['Parce que.'] } }, older.token);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ELIGIBLE' });
    const other = await invited(offerId, ids.pub);
    expect((await t.gql(ACCEPT, { id: other }, pub.token)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers' });
    const stored = await t.orm.em.fork().find(InvitationEntity, { offer: offerId });
    expect(stored.map((i) => i.status)).toEqual(['PENDING', 'PENDING']);
    expect(await t.orm.em.fork().count(ApplicationEntity, { offer: offerId })).toBe(0);
    expect(posted.filter((n) => n.kind === NoticeKind.INVITATION_ANSWERED)).toEqual([]);
    const ok = await t.gql(ACCEPT, { id: other, input: { answers: ['Parce que.'] } }, pub.token);
    expect(ok.data!.acceptInvitation.status).toBe('ACCEPTED');
  });

  it('accepting keeps the application the candidate had already made', async () => {
    const offerId = await offer();
    const applied = await t.gql(`mutation ($input: ApplyInput!) { applyToOffer(input: $input) { id } }`, { input: { offerId } }, pub.token);
    const id = await invited(offerId, ids.pub);
    const accepted = await t.gql(ACCEPT, { id }, pub.token);
    expect(accepted.data!.acceptInvitation.applicationId).toBe(applied.data!.applyToOffer.id);
    expect(await t.orm.em.fork().count(ApplicationEntity, { offer: offerId })).toBe(1);
  });

  it('lists a candidate’s invitations, and an offer’s for its organization and staff', async () => {
    const offerId = await offer();
    await invited(offerId, ids.pub);
    const mine = await t.gql(MY_INVITATIONS, { status: 'PENDING' }, pub.token);
    expect(mine.data!.myInvitations.edges.map((e: { node: { offer: { id: string } } }) => e.node.offer.id)).toContain(offerId);
    expect(mine.data!.myInvitations.edges.every((e: { node: { status: string } }) => e.node.status === 'PENDING')).toBe(true);
    expect((await t.gql(OFFER_INVITATIONS, { id: offerId }, recruiter.token)).data!.offer.invitations.totalCount).toBe(1);
  });

  it('exports a candidate’s invitations and deletes them on erasure', async () => {
    const subjectActor = await signUpCandidate(t, 'Efface Moi');
    const candidateId = await profile(subjectActor, { ...APPRENTICE_PROFILE, visibility: 'ANONYMOUS' });
    const offerId = await offer();
    const id = await invited(offerId, candidateId);
    const holder = t.app.get(PersonalDataRegistry).holders().find((h) => h.section === 'applications')!;
    const subject: DataSubject = { userId: subjectActor.userId, email: subjectActor.email, candidateId };
    expect(await holder.export(subject, t.orm.em.fork())).toMatchObject({
      invitations: [{ id, offer: { id: offerId }, organization: 'Atelier Numérique', status: 'PENDING', message: 'Votre profil nous intéresse.' }],
    });
    await t.orm.em.fork().transactional((em) => holder.erase(subject, em));
    expect(await t.orm.em.fork().count(InvitationEntity, { candidate: candidateId })).toBe(0);
    // The employer who invited keeps no trace of their own account on invitations once erased.
    const inviterSubject: DataSubject = { userId: employer.userId, email: employer.email, candidateId: null };
    await t.orm.em.fork().transactional((em) => holder.erase(inviterSubject, em));
    expect(await t.orm.em.fork().count(InvitationEntity, { invitedBy: employer.userId })).toBe(0);
  });

  describe('access matrix', () => {
    type Who = 'anonymous' | 'candidateA' | 'candidateB' | 'employer' | 'rival' | 'recruiter';
    const WHO: Who[] = ['anonymous', 'candidateA', 'candidateB', 'employer', 'rival', 'recruiter'];
    let actors: Record<Who, Actor | null>;
    let a: Actor;
    let b: Actor;
    let offerId: string;
    let applicationA: string;
    const candidates: Record<string, string> = {};

    /** OK, NULL (no error, null result), or the error code. */
    function outcome(res: GraphqlResponse, field: string): string {
      if (res.errors?.length) return res.errors[0].extensions?.code ?? 'ERROR';
      const path = field.split('.');
      let value: any = res.data;
      for (const key of path) value = value?.[key];
      return value == null ? 'NULL' : 'OK';
    }

    async function each(run: (who: Who, actor: Actor | null) => Promise<GraphqlResponse>, field: string, order: Who[] = WHO): Promise<Record<Who, string>> {
      const result = {} as Record<Who, string>;
      for (const who of order) result[who] = outcome(await run(who, actors[who]), field);
      return result;
    }

    beforeAll(async () => {
      a = await signUpCandidate(t, 'Candidate A');
      b = await signUpCandidate(t, 'Candidate B');
      candidates.a = await profile(a, { ...APPRENTICE_PROFILE, visibility: 'ANONYMOUS' });
      candidates.b = await profile(b, { ...APPRENTICE_PROFILE, visibility: 'PUBLIC' });
      actors = { anonymous: null, candidateA: a, candidateB: b, employer, rival, recruiter };
      offerId = await offer();
      applicationA = (await t.gql(`mutation ($input: ApplyInput!) { applyToOffer(input: $input) { id } }`, { input: { offerId } }, a.token)).data!.applyToOffer.id;
    });

    it('applyToOffer: candidates only', async () => {
      const target = await offer();
      const run = (_: Who, actor: Actor | null) => t.gql(`mutation ($input: ApplyInput!) { applyToOffer(input: $input) { id } }`, { input: { offerId: target } }, actor?.token);
      expect(await each(run, 'applyToOffer')).toEqual({ anonymous: 'UNAUTHENTICATED', candidateA: 'OK', candidateB: 'OK', employer: 'FORBIDDEN', rival: 'FORBIDDEN', recruiter: 'FORBIDDEN' });
    });

    it('application: its candidate, the offer’s organization and staff', async () => {
      const run = (_: Who, actor: Actor | null) => t.gql(`query ($id: ID!) { application(id: $id) { id } }`, { id: applicationA }, actor?.token);
      expect(await each(run, 'application')).toEqual({ anonymous: 'UNAUTHENTICATED', candidateA: 'OK', candidateB: 'NULL', employer: 'OK', rival: 'NULL', recruiter: 'OK' });
    });

    it('myApplications and myInvitations: candidates only', async () => {
      const apps = (_: Who, actor: Actor | null) => t.gql(`{ myApplications { totalCount } }`, {}, actor?.token);
      const invs = (_: Who, actor: Actor | null) => t.gql(`{ myInvitations { totalCount } }`, {}, actor?.token);
      const expected = { anonymous: 'UNAUTHENTICATED', candidateA: 'OK', candidateB: 'OK', employer: 'FORBIDDEN', rival: 'FORBIDDEN', recruiter: 'FORBIDDEN' };
      expect(await each(apps, 'myApplications')).toEqual(expected);
      expect(await each(invs, 'myInvitations')).toEqual(expected);
    });

    it('Offer.applications and Offer.invitations: the offer’s organization and staff; applicationsCount: anyone', async () => {
      const apps = (_: Who, actor: Actor | null) => t.gql(`query ($id: ID!) { offer(id: $id) { applications { totalCount } } }`, { id: offerId }, actor?.token);
      const invs = (_: Who, actor: Actor | null) => t.gql(`query ($id: ID!) { offer(id: $id) { invitations { totalCount } } }`, { id: offerId }, actor?.token);
      const count = (_: Who, actor: Actor | null) => t.gql(`query ($id: ID!) { offer(id: $id) { applicationsCount } }`, { id: offerId }, actor?.token);
      const expected = { anonymous: 'UNAUTHENTICATED', candidateA: 'FORBIDDEN', candidateB: 'FORBIDDEN', employer: 'OK', rival: 'FORBIDDEN', recruiter: 'OK' };
      expect(await each(apps, 'offer.applications')).toEqual(expected);
      expect(await each(invs, 'offer.invitations')).toEqual(expected);
      expect(await each(count, 'offer.applicationsCount')).toEqual({ anonymous: 'OK', candidateA: 'OK', candidateB: 'OK', employer: 'OK', rival: 'OK', recruiter: 'OK' });
    });

    it('moveApplication: the offer’s organization and staff', async () => {
      const target: Partial<Record<Who, string>> = { employer: 'IN_REVIEW', recruiter: 'INTERVIEW' };
      const run = (who: Who, actor: Actor | null) =>
        t.gql(`mutation ($id: ID!, $status: ApplicationStatus!) { moveApplication(id: $id, status: $status) { id } }`, { id: applicationA, status: target[who] ?? 'IN_REVIEW' }, actor?.token);
      expect(await each(run, 'moveApplication')).toEqual({ anonymous: 'UNAUTHENTICATED', candidateA: 'FORBIDDEN', candidateB: 'FORBIDDEN', employer: 'OK', rival: 'NOT_FOUND', recruiter: 'OK' });
    });

    it('withdrawApplication: its candidate only', async () => {
      const order: Who[] = ['anonymous', 'candidateB', 'employer', 'rival', 'recruiter', 'candidateA'];
      const run = (_: Who, actor: Actor | null) => t.gql(`mutation ($id: ID!) { withdrawApplication(id: $id) { id } }`, { id: applicationA }, actor?.token);
      expect(await each(run, 'withdrawApplication', order)).toEqual({ anonymous: 'UNAUTHENTICATED', candidateB: 'NOT_FOUND', employer: 'FORBIDDEN', rival: 'FORBIDDEN', recruiter: 'FORBIDDEN', candidateA: 'OK' });
    });

    it('inviteCandidate: the offer’s organization and staff', async () => {
      const invitee: Partial<Record<Who, string>> = { employer: candidates.a, recruiter: candidates.b };
      const run = (who: Who, actor: Actor | null) => invite(offerId, invitee[who] ?? candidates.a, actor);
      expect(await each(run, 'inviteCandidate')).toEqual({ anonymous: 'UNAUTHENTICATED', candidateA: 'FORBIDDEN', candidateB: 'FORBIDDEN', employer: 'OK', rival: 'FORBIDDEN', recruiter: 'OK' });
    });

    it('acceptInvitation and declineInvitation: the invited candidate only', async () => {
      const em = t.orm.em.fork();
      const toA = (await em.findOneOrFail(InvitationEntity, { offer: offerId, candidate: candidates.a })).id;
      const toB = (await em.findOneOrFail(InvitationEntity, { offer: offerId, candidate: candidates.b })).id;
      const order: Who[] = ['anonymous', 'candidateB', 'employer', 'rival', 'recruiter', 'candidateA'];
      const accept = (_: Who, actor: Actor | null) => t.gql(ACCEPT, { id: toA }, actor?.token);
      expect(await each(accept, 'acceptInvitation', order)).toEqual({ anonymous: 'UNAUTHENTICATED', candidateB: 'NOT_FOUND', employer: 'FORBIDDEN', rival: 'FORBIDDEN', recruiter: 'FORBIDDEN', candidateA: 'OK' });
      const declineOrder: Who[] = ['anonymous', 'candidateA', 'employer', 'rival', 'recruiter', 'candidateB'];
      const decline = (_: Who, actor: Actor | null) => t.gql(DECLINE, { id: toB }, actor?.token);
      expect(await each(decline, 'declineInvitation', declineOrder)).toEqual({ anonymous: 'UNAUTHENTICATED', candidateA: 'NOT_FOUND', employer: 'FORBIDDEN', rival: 'FORBIDDEN', recruiter: 'FORBIDDEN', candidateB: 'OK' });
    });
  });
});
