import { Role } from '@alternance/platform/domain';
import { createStaffAccount } from '@alternance/identity/data-access';
import { MentorAssignmentEntity } from '@alternance/mentoring/data-access';
import { APPRENTICE_PROFILE, Actor, PASSWORD, createOffer, signUpCandidate, signUpEmployer, staff, upsertProfile } from '../support/actors';
import { GraphqlResponse, TestApp, engine, startTestApp } from '../support/test-app';

const PROFILE = `id userId displayName occupations skills languages weeklyCapacity disabilityTrainedAt menteeCount`;
const CREATE = `mutation ($userId: ID!, $input: MentorProfileInput!) { createMentorProfile(userId: $userId, input: $input) { ${PROFILE} } }`;
const UPDATE = `mutation ($userId: ID!, $input: MentorProfileInput!) { updateMentorProfile(userId: $userId, input: $input) { ${PROFILE} } }`;
const RESULT = `dryRun totalFit trainedNeeded trainedMentorsMet trainedReferentsMet unassignedApplicationIds
  pairs { applicationId apprenticeUserId apprenticeName mentorUserId mentorName referentUserId fit pinned disabilityGuaranteeMet reasons { code text } }
  missingTrainedPlaces { region occupation missingMentorPlaces missingReferents }`;
const ASSIGN = `mutation ($dryRun: Boolean) { assignMentors(dryRun: $dryRun) { ${RESULT} } }`;
const PIN = `mutation ($input: MentorPinInput!) { pinMentor(input: $input) { applicationId mentorUserId pinned fit reasons { code } } }`;
const MENTEES = `{ myMentees { applicationId name offerId offerTitle contractType trainingPaths employer accommodationNeed } }`;
const PREFS = `mutation ($input: MenteePreferencesInput!) { setMyMenteePreferences(input: $input) { languages accommodationNeed shareAccommodationWithMentor } }`;

let counter = 0;

describe(`mentors (${engine})`, () => {
  let t: TestApp;
  let recruiter: Actor;
  let admin: Actor;
  let employer: Actor;
  let rival: Actor;
  let trained: Actor;
  let untrained: Actor;
  let spare: Actor;
  let camille: Actor;
  let other: Actor;
  let noah: Actor;
  const hired: Record<string, string> = {};

  async function mentorAccount(name: string): Promise<Actor> {
    const email = `mentor-${process.pid}-${++counter}@example.test`;
    await createStaffAccount(t.orm.em.fork(), { email, role: Role.MENTOR, displayName: name, password: PASSWORD });
    const res = await t.gql(`mutation ($input: LogInInput!) { logIn(input: $input) { accessToken user { id role } } }`, { input: { email, password: PASSWORD } });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    expect(res.data!.logIn.user.role).toBe('MENTOR');
    return { token: res.data!.logIn.accessToken, userId: res.data!.logIn.user.id, email };
  }

  async function hire(candidate: Actor, overrides: Record<string, unknown> = {}): Promise<string> {
    const offerId = await createOffer(t, employer, overrides);
    const applied = await t.gql(`mutation ($input: ApplyInput!) { applyToOffer(input: $input) { id } }`, { input: { offerId } }, candidate.token);
    if (applied.errors) throw new Error(JSON.stringify(applied.errors));
    const id = applied.data!.applyToOffer.id;
    for (const status of ['IN_REVIEW', 'OFFERED', 'HIRED']) {
      const moved = await t.gql(`mutation ($id: ID!, $status: ApplicationStatus!) { moveApplication(id: $id, status: $status) { id } }`, { id, status }, employer.token);
      if (moved.errors) throw new Error(JSON.stringify(moved.errors));
    }
    return id;
  }

  const ok = <T>(res: GraphqlResponse<T>): T => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };

  beforeAll(async () => {
    t = await startTestApp();
    recruiter = await staff(t, Role.RECRUITER);
    admin = await staff(t, Role.ADMIN);
    employer = await signUpEmployer(t);
    rival = await signUpEmployer(t, 'Rival SARL');
    trained = await mentorAccount('Mentor Formée');
    untrained = await mentorAccount('Mentor Bis');
    spare = await mentorAccount('Mentor Sans Profil');
    camille = await signUpCandidate(t, 'Camille Martin');
    other = await signUpCandidate(t, 'Autre Candidate');
    noah = await signUpCandidate(t, 'Noah Petit');
    await upsertProfile(t, camille, { ...APPRENTICE_PROFILE, disabilityRecognised: true, sensitiveDataConsent: true });
    await upsertProfile(t, other, APPRENTICE_PROFILE);
    await upsertProfile(t, noah, APPRENTICE_PROFILE);
    hired.camille = await hire(camille);
    hired.noah = await hire(noah, { contractType: 'PROFESSIONALISATION', romeCode: 'D1102', title: 'Boulanger en alternance' });
  }, 120_000);
  afterAll(() => t?.close());

  describe('profiles', () => {
    it('lets staff create a mentor profile for a MENTOR account only, validated with stable codes', async () => {
      const created = await t.gql(CREATE, { userId: trained.userId, input: { occupations: ['M1805'], skills: ['999999'], languages: ['fr', 'en'], weeklyCapacity: 1, disabilityTrainedAt: '2026-03-02' } }, recruiter.token);
      expect(ok(created).createMentorProfile).toMatchObject({ userId: trained.userId, displayName: 'Mentor Formée', occupations: ['M1805'], languages: ['fr', 'en'], weeklyCapacity: 1, disabilityTrainedAt: '2026-03-02', menteeCount: 0 });
      const again = await t.gql(CREATE, { userId: trained.userId, input: {} }, recruiter.token);
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'MENTOR_PROFILE_EXISTS' });
      const notMentor = await t.gql(CREATE, { userId: camille.userId, input: {} }, admin.token);
      expect(notMentor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_MENTOR', field: 'userId' });
      const bad = await t.gql(CREATE, { userId: untrained.userId, input: { occupations: ['boulanger'], languages: ['french'], weeklyCapacity: 99, disabilityTrainedAt: '2999-01-01' } }, admin.token);
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect([...new Set(bad.errors?.[0].extensions?.fields?.map((f) => f.path.split(/[.[]/)[0]))].sort()).toEqual(['languages', 'occupations', 'weeklyCapacity']);
      const future = await t.gql(CREATE, { userId: untrained.userId, input: { disabilityTrainedAt: '2999-01-01' } }, admin.token);
      expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'disabilityTrainedAt' });
      expect(await t.orm.em.fork().getConnection().execute(`select count(*) as n from mentor_profiles where user_id = ?`, [untrained.userId])).toEqual([{ n: engine === 'sqlite' ? 0 : '0' }]);
      ok(await t.gql(CREATE, { userId: untrained.userId, input: { occupations: ['D1102'], languages: ['fr'], weeklyCapacity: 3 } }, admin.token));
    });

    it('lets a mentor read and change their own profile, never another’s', async () => {
      const mine = await t.gql(`{ myMentorProfile { ${PROFILE} } }`, {}, trained.token);
      expect(ok(mine).myMentorProfile).toMatchObject({ userId: trained.userId, weeklyCapacity: 1 });
      const changed = await t.gql(`mutation ($input: MentorProfileInput!) { updateMyMentorProfile(input: $input) { weeklyCapacity languages } }`, { input: { weeklyCapacity: 2 } }, trained.token);
      expect(ok(changed).updateMyMentorProfile).toEqual({ weeklyCapacity: 2, languages: ['fr', 'en'] });
      const theirs = await t.gql(UPDATE, { userId: untrained.userId, input: { weeklyCapacity: 0 } }, trained.token);
      expect(theirs.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(ok(await t.gql(`{ myMentorProfile { id } }`, {}, spare.token)).myMentorProfile).toBeNull();
    });

    it('records staff trained as disability referents', async () => {
      const set = await t.gql(`mutation ($input: DisabilityReferentInput!) { setDisabilityReferent(input: $input) { userId trainedAt } }`, { input: { userId: admin.userId, trainedAt: '2025-11-20' } }, recruiter.token);
      expect(ok(set).setDisabilityReferent).toEqual({ userId: admin.userId, trainedAt: '2025-11-20' });
      const notStaff = await t.gql(`mutation ($input: DisabilityReferentInput!) { setDisabilityReferent(input: $input) { userId } }`, { input: { userId: trained.userId, trainedAt: '2025-11-20' } }, recruiter.token);
      expect(notStaff.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_STAFF' });
      expect(ok(await t.gql(`{ disabilityReferents { userId trainedAt } }`, {}, admin.token)).disabilityReferents).toEqual([{ userId: admin.userId, trainedAt: '2025-11-20' }]);
    });
  });

  describe('assignment', () => {
    it('proposes on a dry run and writes nothing; the apprentice needing a trained mentor gets the trained one and a referent', async () => {
      const res = ok(await t.gql(ASSIGN, { dryRun: true }, recruiter.token)).assignMentors;
      expect(res).toMatchObject({ dryRun: true, trainedNeeded: 1, trainedMentorsMet: 1, trainedReferentsMet: 1, missingTrainedPlaces: [], unassignedApplicationIds: [] });
      const byApplication = Object.fromEntries(res.pairs.map((p: any) => [p.applicationId, p]));
      expect(byApplication[hired.camille]).toMatchObject({ mentorUserId: trained.userId, referentUserId: admin.userId, disabilityGuaranteeMet: true, apprenticeName: 'Camille Martin' });
      expect(byApplication[hired.camille].reasons.map((r: any) => r.code)).toEqual(['SAME_OCCUPATION', 'SHARED_LANGUAGE', 'TRAINED_IN_DISABILITY']);
      expect(byApplication[hired.noah]).toMatchObject({ mentorUserId: untrained.userId, referentUserId: null, fit: 70 });
      expect(await t.orm.em.fork().count(MentorAssignmentEntity, {})).toBe(0);
    });

    it('applies, tells mentors and apprentices, and shows mentors their mentees (the accommodation need only when shared)', async () => {
      ok(await t.gql(PREFS, { input: { accommodationNeed: 'Poste assis', shareAccommodationWithMentor: false } }, camille.token));
      const res = ok(await t.gql(ASSIGN, { dryRun: false }, admin.token)).assignMentors;
      expect(res.dryRun).toBe(false);
      expect(await t.orm.em.fork().count(MentorAssignmentEntity, {})).toBe(2);
      const inbox = async (who: Actor) => ok(await t.gql(`{ myNotifications { edges { node { kind title } } } }`, {}, who.token)).myNotifications.edges.map((e: any) => e.node).filter((n: any) => n.kind === 'MENTOR_ASSIGNED');
      expect(await inbox(trained)).toEqual([{ kind: 'MENTOR_ASSIGNED', title: 'A new mentee: Camille Martin' }]);
      expect(await inbox(camille)).toEqual([{ kind: 'MENTOR_ASSIGNED', title: 'Your mentor: Mentor Formée' }]);

      const hidden = ok(await t.gql(MENTEES, {}, trained.token)).myMentees;
      expect(hidden).toEqual([
        expect.objectContaining({ applicationId: hired.camille, name: 'Camille Martin', offerTitle: 'Développeur web en alternance', contractType: 'APPRENTICESHIP', employer: 'Atelier Numérique', accommodationNeed: null }),
      ]);
      ok(await t.gql(PREFS, { input: { shareAccommodationWithMentor: true } }, camille.token));
      expect(ok(await t.gql(MENTEES, {}, trained.token)).myMentees[0].accommodationNeed).toBe('Poste assis');
      expect(ok(await t.gql(MENTEES, {}, untrained.token)).myMentees.map((m: any) => m.name)).toEqual(['Noah Petit']);
      expect(ok(await t.gql(`{ myMentors { applicationId name } }`, {}, camille.token)).myMentors).toEqual([{ applicationId: hired.camille, name: 'Mentor Formée' }]);

      // Applying again changes nobody's mentor: nobody is told twice.
      ok(await t.gql(ASSIGN, { dryRun: false }, admin.token));
      expect(await inbox(trained)).toHaveLength(1);
    });

    it('keeps pins and moves by hand, refusing a full mentor or one without a shared language', async () => {
      const moved = await t.gql(PIN, { input: { applicationId: hired.camille, mentorUserId: untrained.userId } }, recruiter.token);
      expect(ok(moved).pinMentor).toMatchObject({ applicationId: hired.camille, mentorUserId: untrained.userId, pinned: true });
      const res = ok(await t.gql(ASSIGN, { dryRun: true }, recruiter.token)).assignMentors;
      const camillePair = res.pairs.find((p: any) => p.applicationId === hired.camille);
      expect(camillePair).toMatchObject({ mentorUserId: untrained.userId, pinned: true, disabilityGuaranteeMet: false });
      // The pin costs Camille her trained mentor: staff see where a trained place is missing.
      expect(res.trainedMentorsMet).toBe(0);
      expect(res.missingTrainedPlaces).toEqual([{ region: 'Auvergne-Rhône-Alpes', occupation: 'M1805', missingMentorPlaces: 1, missingReferents: 0 }]);

      ok(await t.gql(UPDATE, { userId: untrained.userId, input: { weeklyCapacity: 2 } }, admin.token));
      const full = await t.gql(PIN, { input: { applicationId: hired.noah, mentorUserId: trained.userId } }, recruiter.token);
      expect(ok(full).pinMentor.mentorUserId).toBe(trained.userId);
      ok(await t.gql(UPDATE, { userId: trained.userId, input: { weeklyCapacity: 1 } }, admin.token));
      const noPlace = await t.gql(PIN, { input: { applicationId: hired.camille, mentorUserId: trained.userId } }, recruiter.token);
      expect(noPlace.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'MENTOR_FULL' });
      ok(await t.gql(CREATE, { userId: spare.userId, input: { languages: ['ar'], weeklyCapacity: 5 } }, admin.token));
      const noLanguage = await t.gql(PIN, { input: { applicationId: hired.camille, mentorUserId: spare.userId } }, recruiter.token);
      expect(noLanguage.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_SHARED_LANGUAGE', field: 'mentorUserId' });
      const unknown = await t.gql(PIN, { input: { applicationId: '00000000-0000-4000-8000-000000000000', mentorUserId: spare.userId } }, recruiter.token);
      expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'HIRED_APPLICATION_NOT_FOUND' });
      const invalid = await t.gql(PIN, { input: { applicationId: 'nope', mentorUserId: spare.userId } }, recruiter.token);
      expect(invalid.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'applicationId' });
    });
  });

  describe('access matrix (the seven actors and a mentor)', () => {
    type Who = 'anonymous' | 'candidate' | 'otherCandidate' | 'employer' | 'otherEmployer' | 'recruiter' | 'admin' | 'mentor';
    const WHO: Who[] = ['anonymous', 'candidate', 'otherCandidate', 'employer', 'otherEmployer', 'recruiter', 'admin', 'mentor'];
    const actor = (who: Who): Actor | null =>
      ({ anonymous: null, candidate: camille, otherCandidate: other, employer, otherEmployer: rival, recruiter, admin, mentor: trained })[who];
    const outcome = (res: GraphqlResponse): string => (res.errors?.length ? String(res.errors[0].extensions?.code) : 'OK');
    async function matrix(query: string, variables: Record<string, unknown> = {}): Promise<Record<Who, string>> {
      const out = {} as Record<Who, string>;
      for (const who of WHO) out[who] = outcome(await t.gql(query, variables, actor(who)?.token));
      return out;
    }
    const only = (allowed: Who[], refused = 'FORBIDDEN') => Object.fromEntries(WHO.map((w) => [w, allowed.includes(w) ? 'OK' : w === 'anonymous' ? 'UNAUTHENTICATED' : refused]));
    const STAFF: Who[] = ['recruiter', 'admin'];

    it.each([
      ['mentorProfiles', `{ mentorProfiles { id } }`, {}],
      ['disabilityReferents', `{ disabilityReferents { userId } }`, {}],
      ['assignMentors (dry run)', `mutation { assignMentors { dryRun } }`, {}],
      ['updateMentorProfile', UPDATE.replace(PROFILE, 'id'), () => ({ userId: untrained.userId, input: { weeklyCapacity: 2 } })],
      ['setDisabilityReferent', `mutation ($input: DisabilityReferentInput!) { setDisabilityReferent(input: $input) { userId } }`, () => ({ input: { userId: admin.userId, trainedAt: '2025-11-20' } })],
      ['pinMentor', PIN, () => ({ input: { applicationId: hired.noah, mentorUserId: trained.userId } })],
      ['unpinMentor', `mutation ($id: ID!) { unpinMentor(applicationId: $id) }`, () => ({ id: hired.noah })],
    ])('%s: staff only', async (_, query, variables) => {
      expect(await matrix(query, typeof variables === 'function' ? variables() : variables)).toEqual(only(STAFF));
    });

    it('createMentorProfile: staff only', async () => {
      const results = {} as Record<Who, string>;
      for (const who of WHO) {
        const fresh = await mentorAccount(`Mentor ${who}`);
        results[who] = outcome(await t.gql(CREATE.replace(PROFILE, 'id'), { userId: fresh.userId, input: {} }, actor(who)?.token));
      }
      expect(results).toEqual(only(STAFF));
    }, 60_000);

    it.each([
      ['myMentorProfile', `{ myMentorProfile { id } }`, {}],
      ['updateMyMentorProfile', `mutation { updateMyMentorProfile(input: {}) { id } }`, {}],
      ['myMentees', MENTEES, {}],
    ])('%s: the mentor only', async (_, query, variables) => {
      expect(await matrix(query, variables)).toEqual(only(['mentor']));
    });

    it.each([
      ['myMentors', `{ myMentors { name } }`],
      ['myMenteePreferences', `{ myMenteePreferences { languages } }`],
      ['setMyMenteePreferences', `mutation { setMyMenteePreferences(input: {}) { languages } }`],
    ])('%s: candidates only', async (_, query) => {
      expect(await matrix(query)).toEqual(only(['candidate', 'otherCandidate']));
    });

    it('a mentor sees only their own mentees, and another candidate nobody’s mentor', async () => {
      const mentees = ok(await t.gql(MENTEES, {}, trained.token)).myMentees.map((m: any) => m.applicationId);
      const rows = await t.orm.em.fork().find(MentorAssignmentEntity, { mentor: trained.userId });
      expect(mentees.sort()).toEqual(rows.map((r) => r.application.id).sort());
      expect(ok(await t.gql(`{ myMentors { name } }`, {}, other.token)).myMentors).toEqual([]);
    });

    it('nobody signs up as a mentor, and a mentor does not see their mentee’s application', async () => {
      const signUp = await t.gql(`mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, {
        input: { email: `self-mentor-${process.pid}@example.test`, password: PASSWORD, role: 'MENTOR', displayName: 'Self' },
      });
      expect(signUp.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const application = await t.gql(`query ($id: ID!) { application(id: $id) { id } }`, { id: hired.camille }, trained.token);
      expect(ok(application).application).toBeNull();
    });
  });
});
