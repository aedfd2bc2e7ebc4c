import { Role, encodeCursor } from '@alternance/platform/domain';
import { TokenService } from '@alternance/platform/nest';
import { ExposureEntity } from '@alternance/platform/data-access';
import { OutcomeEntity } from '@alternance/applications/data-access';
import { NotificationEntity } from '@alternance/notifications/data-access';
import { JobRunner } from '@alternance/notifications/feature';
import { createStaffAccount } from '@alternance/identity/data-access';
import { APPRENTICE_PROFILE, Actor, PASSWORD, createOffer, signUpCandidate, signUpEmployer, staff, upsertProfile } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';

const RECORD = `mutation ($input: RecordOutcomeInput!) { recordOutcome(input: $input) { employed kind answeredAt plannedEnd } }`;
const REPORT = `query ($from: DateTime!, $to: DateTime!) { impactReport(from: $from, to: $to) {
  from to minimumCount csv
  tables { key title description goal reference median note rows { label column count share suppressed total ratio flagged } } } }`;

/** The token of the first link in an outcome question's body. */
function tokenIn(body: string): string {
  const match = /\/suivi\/([^?\s]+)\?/.exec(body);
  if (!match) throw new Error(`no link in ${body}`);
  return match[1];
}

jest.setTimeout(60_000);

describe(`impact report and outcome follow-up (${engine})`, () => {
  let t: TestApp;
  let employer: Actor;
  let rival: Actor;
  let recruiter: Actor;
  let admin: Actor;
  let mentor: Actor;
  let camille: Actor;
  let other: Actor;
  let camilleId: string;
  let offerId: string;
  let applicationId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-23T09:00:00Z') });
    employer = await signUpEmployer(t, 'Atelier Numérique');
    rival = await signUpEmployer(t, 'Rival SARL');
    recruiter = await staff(t, Role.RECRUITER);
    admin = await staff(t, Role.ADMIN);
    const email = `mentor-${process.pid}@example.test`;
    await createStaffAccount(t.orm.em.fork(), { email, role: Role.MENTOR, displayName: 'Mentor', password: PASSWORD });
    const logIn = await t.gql(`mutation ($input: LogInInput!) { logIn(input: $input) { accessToken user { id } } }`, { input: { email, password: PASSWORD } });
    mentor = { token: logIn.data!.logIn.accessToken, userId: logIn.data!.logIn.user.id, email };
    camille = await signUpCandidate(t, 'Camille Martin');
    other = await signUpCandidate(t, 'Other Person');
    camilleId = await upsertProfile(t, camille, { ...APPRENTICE_PROFILE, visibility: 'PUBLIC', sensitiveDataConsent: true, gender: 'FEMALE' });
    await upsertProfile(t, other, { ...APPRENTICE_PROFILE, visibility: 'ANONYMOUS' });
    offerId = await createOffer(t, employer);
    const applied = await t.gql(`mutation ($input: ApplyInput!) { applyToOffer(input: $input) { id } }`, { input: { offerId, message: 'Bonjour' } }, camille.token);
    expect(applied.errors).toBeUndefined();
    applicationId = applied.data!.applyToOffer.id;
    for (const status of ['IN_REVIEW', 'OFFERED', 'HIRED']) {
      const moved = await t.gql(`mutation ($id: ID!, $status: ApplicationStatus!) { moveApplication(id: $id, status: $status) { status } }`, { id: applicationId, status }, employer.token);
      expect(moved.data?.moveApplication.status).toBe(status);
    }
  });
  afterAll(() => t.close());

  // Tests move the clock: every actor's access token is issued again for the current time.
  beforeEach(() => {
    const tokens = t.app.get(TokenService);
    const roles: [Actor, Role][] = [[employer, Role.EMPLOYER], [rival, Role.EMPLOYER], [recruiter, Role.RECRUITER], [admin, Role.ADMIN], [mentor, Role.MENTOR], [camille, Role.CANDIDATE], [other, Role.CANDIDATE]];
    for (const [actor, role] of roles) actor.token = tokens.issue({ userId: actor.userId, role, organizationId: actor.organizationId }).token;
  });

  describe('outcome follow-up', () => {
    // No training path on the offer: 12 months from the later of the hire day (2026-11-23) and
    // the earliest start (2027-01-04), so the planned end is 2028-01-04, and the question day 2028-07-04.
    const questionDay = new Date('2028-07-04T00:00:00Z');

    async function questions() {
      return t.orm.em.fork().find(NotificationEntity, { recipient: camille.userId, kind: 'OUTCOME_QUESTION' as never });
    }

    it('asks nothing before six months after the planned end, then asks once, by notice and mail', async () => {
      t.clock.set(new Date(questionDay.getTime() - 1000));
      await t.app.get(JobRunner).runOnce();
      expect(await questions()).toHaveLength(0);
      t.clock.set(questionDay);
      const reports = await t.app.get(JobRunner).runOnce();
      expect(reports.find((r) => r.job === 'outcomeFollowUp')).toMatchObject({ ok: true, result: { asked: 1 } });
      expect(reports.map((r) => r.job).slice(-2)).toEqual(['outcomeFollowUp', 'mail']);
      const [notice] = await questions();
      expect(notice).toMatchObject({ title: 'Six months on: where are you now?', subjectType: 'APPLICATION', subjectId: applicationId });
      expect(notice.mailedAt).not.toBeNull();
      expect(notice.body).toContain('/suivi/');
      const outcome = await t.orm.em.fork().findOneOrFail(OutcomeEntity, { application: applicationId });
      expect(outcome).toMatchObject({ plannedEnd: '2028-01-04', answeredAt: null, employed: null });
      // A second run asks no one again.
      const again = await t.app.get(JobRunner).runOnce();
      expect(again.find((r) => r.job === 'outcomeFollowUp')?.result).toEqual({ asked: 0 });
      expect(await questions()).toHaveLength(1);
    });

    it('records the answer through the signed link without signing in; a later answer replaces it', async () => {
      const [notice] = await questions();
      const token = tokenIn(notice.body);
      const first = await t.gql(RECORD, { input: { token, employed: true, kind: 'CDD' } });
      expect(first.errors).toBeUndefined();
      expect(first.data!.recordOutcome).toMatchObject({ employed: true, kind: 'CDD', plannedEnd: '2028-01-04' });
      t.clock.advance(60_000);
      const second = await t.gql(RECORD, { input: { token, employed: true, kind: 'CDI' } });
      expect(second.data!.recordOutcome).toMatchObject({ employed: true, kind: 'CDI' });
      const outcome = await t.orm.em.fork().findOneOrFail(OutcomeEntity, { application: applicationId });
      expect(outcome).toMatchObject({ employed: true, kind: 'CDI' });
      expect(outcome.answeredAt!.getTime()).toBe(t.clock.now().getTime());
    });

    it('refuses incoherent answers, forged, foreign and expired links', async () => {
      const [notice] = await questions();
      const token = tokenIn(notice.body);
      const cases: [Record<string, unknown>, string, string][] = [
        [{ token, employed: true }, 'kind', 'INVALID_INPUT'],
        [{ token, employed: false, kind: 'CDI' }, 'kind', 'INVALID_INPUT'],
        [{ token: `${token.slice(0, -4)}AAAA`, employed: false }, 'token', 'OUTCOME_LINK_INVALID'],
        [{ token: camille.token, employed: false }, 'token', 'OUTCOME_LINK_INVALID'],
        [{ token: 'x'.repeat(2001), employed: false }, 'token', 'INVALID_INPUT'],
      ];
      for (const [input, field, reason] of cases) {
        const res = await t.gql(RECORD, { input });
        expect({ field, ext: res.errors?.[0].extensions }).toMatchObject({ field, ext: { code: 'BAD_USER_INPUT', field, reason } });
      }
      // The question's access token never works as an outcome link, nor the reverse.
      const asAccess = await t.gql(`{ me { id } }`, {}, token);
      expect(asAccess.data?.me ?? null).toBeNull();
      const now = t.clock.now();
      t.clock.set(new Date(questionDay.getTime() + 61 * 86_400_000));
      const expired = await t.gql(RECORD, { input: { token, employed: false } });
      expect(expired.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token', reason: 'OUTCOME_LINK_EXPIRED' });
      t.clock.set(now);
      const outcome = await t.orm.em.fork().findOneOrFail(OutcomeEntity, { application: applicationId });
      expect(outcome).toMatchObject({ employed: true, kind: 'CDI' });
    });
  });

  describe('exposure', () => {
    const SEARCH = `query { searchCandidates(input: { first: 50 }) { totalCount edges { node { id } } } }`;
    const MATCH = `query ($id: ID!) { matchCandidatesForOffer(offerId: $id, first: 50) { candidate { id } } }`;

    it('records the candidates an employer is shown in a search or a match (ids only), not what staff see', async () => {
      t.clock.set(new Date('2026-12-01T10:00:00Z'));
      const before = await t.orm.em.fork().count(ExposureEntity, {});
      const seen = await t.gql(SEARCH, {}, employer.token);
      expect(seen.errors).toBeUndefined();
      const shown = seen.data!.searchCandidates.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(shown).toContain(camilleId);
      const rows = await t.orm.em.fork().find(ExposureEntity, { id: { $gt: before } }, { orderBy: { id: 'asc' } });
      expect(rows.map((r) => r.candidateId)).toEqual(shown);
      expect(rows.every((r) => r.organizationId === employer.organizationId && r.source === 'SEARCH')).toBe(true);
      expect(Object.keys(rows[0]).sort()).toEqual(['candidateId', 'id', 'organizationId', 'shownAt', 'source']);

      const count = await t.orm.em.fork().count(ExposureEntity, {});
      await t.gql(SEARCH, {}, recruiter.token);
      expect(await t.orm.em.fork().count(ExposureEntity, {})).toBe(count);

      const matched = await t.gql(MATCH, { id: offerId }, employer.token);
      expect(matched.errors).toBeUndefined();
      const ids = matched.data!.matchCandidatesForOffer.map((m: { candidate: { id: string } }) => m.candidate.id);
      const matches = await t.orm.em.fork().find(ExposureEntity, { source: 'MATCH' as never }, { orderBy: { id: 'asc' } });
      expect(matches.map((r) => r.candidateId)).toEqual(ids.slice(0, 20));
    });

    it('keeps only the top 20: a second page records nothing', async () => {
      const count = await t.orm.em.fork().count(ExposureEntity, {});
      const cursor = encodeCursor(24);
      await t.gql(`query ($after: String) { searchCandidates(input: { first: 10, after: $after }) { totalCount } }`, { after: cursor }, employer.token);
      expect(await t.orm.em.fork().count(ExposureEntity, {})).toBe(count);
    });
  });

  describe('access (the seven actors and a mentor)', () => {
    type Who = 'anonymous' | 'candidate' | 'otherCandidate' | 'employer' | 'otherEmployer' | 'recruiter' | 'admin' | 'mentor';
    const everyone: Who[] = ['anonymous', 'candidate', 'otherCandidate', 'employer', 'otherEmployer', 'recruiter', 'admin', 'mentor'];
    const tokenOf = (who: Who): string | undefined =>
      ({ anonymous: undefined, candidate: camille.token, otherCandidate: other.token, employer: employer.token, otherEmployer: rival.token, recruiter: recruiter.token, admin: admin.token, mentor: mentor.token })[who];

    it.each([
      'minimumCount',
      'csv',
      'from',
      'to',
      'tables { key }',
      'tables { title description goal reference median note }',
      'tables { rows { label column count share suppressed total ratio flagged } }',
    ])('impactReport { %s } answers staff only', async (selection) => {
      const outcome: Record<string, string> = {};
      for (const who of everyone) {
        const res = await t.gql(`query { impactReport(from: "2026-01-01T00:00:00Z", to: "2029-01-01T00:00:00Z") { ${selection} } }`, {}, tokenOf(who));
        outcome[who] = res.errors?.length ? String(res.errors[0].extensions?.code) : 'OK';
      }
      expect(outcome).toEqual({
        anonymous: 'UNAUTHENTICATED',
        candidate: 'FORBIDDEN',
        otherCandidate: 'FORBIDDEN',
        employer: 'FORBIDDEN',
        otherEmployer: 'FORBIDDEN',
        recruiter: 'OK',
        admin: 'OK',
        mentor: 'FORBIDDEN',
      });
    });

    it('recordOutcome is public: what it needs is the link, whoever sends it', async () => {
      const outcome: Record<string, string> = {};
      for (const who of everyone) {
        const res = await t.gql(RECORD, { input: { token: 'not-a-link', employed: false } }, tokenOf(who));
        outcome[who] = `${res.errors?.[0].extensions?.code} ${res.errors?.[0].extensions?.reason}`;
      }
      expect(new Set(Object.values(outcome))).toEqual(new Set(['BAD_USER_INPUT OUTCOME_LINK_INVALID']));
      // Every answer field and the report's fields behind the staff policy are plain data.
      const [notice] = await t.orm.em.fork().find(NotificationEntity, { recipient: camille.userId, kind: 'OUTCOME_QUESTION' as never });
      for (const who of everyone) {
        const res = await t.gql(RECORD, { input: { token: tokenIn(notice.body), employed: true, kind: 'CDI' } }, tokenOf(who));
        expect(res.data!.recordOutcome).toMatchObject({ employed: true, kind: 'CDI', plannedEnd: '2028-01-04' });
      }
    });

    it('refuses a period that is empty or longer than ten years', async () => {
      const res = await t.gql(REPORT, { from: '2027-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, recruiter.token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
      const long = await t.gql(REPORT, { from: '2000-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, recruiter.token);
      expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    });
  });

  describe('erasure', () => {
    it('deletes the exposures and the unanswered questions of an erased candidate, and keeps an answer without the person', async () => {
      const res = await t.gql(`mutation ($p: String!) { deleteMyAccount(password: $p) }`, { p: PASSWORD }, camille.token);
      expect(res.errors).toBeUndefined();
      expect(await t.orm.em.fork().count(ExposureEntity, { candidateId: camilleId })).toBe(0);
      const outcome = await t.orm.em.fork().findOneOrFail(OutcomeEntity, { application: applicationId }, { populate: ['application'] });
      expect(outcome.application.getEntity().candidate).toBeNull();
      expect(outcome.employed).toBe(true);
    });
  });
});
