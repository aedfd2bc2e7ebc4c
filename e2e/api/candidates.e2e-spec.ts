import { Role } from '@alternance/platform/domain';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { Actor, signUpCandidate, signUpEmployer, staff } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';

const PUBLIC_FIELDS = `id displayName email headline desiredRomeCodes mobilityRadiusKm remotePreference availableFrom educationLevel visibility
  skills { skill { code label } level } location { city postcode lat lng } programs { id }`;
const PRIORITY_FIELDS = ['highestQualification', 'livesInQpv', 'internationalProtection', 'situationBefore'];
const PRIVATE_FIELDS = ['birthDate', 'jobSeeker', 'disabilityRecognised', 'gender', ...PRIORITY_FIELDS, 'sensitiveDataConsent'];
const DECLARED = { highestQualification: 'LEVEL_3', livesInQpv: true, internationalProtection: true, situationBefore: 'JOB_SEEKER' };
const UPSERT = `mutation ($input: CandidateProfileInput!) { upsertMyCandidateProfile(input: $input) { ${PUBLIC_FIELDS} ${PRIVATE_FIELDS.join(' ')} } }`;
const GET_PUBLIC = `query ($id: ID!) { candidate(id: $id) { ${PUBLIC_FIELDS} } }`;

describe(`candidate profiles (${engine})`, () => {
  let t: TestApp;
  let camille: Actor;
  let other: Actor;
  let employer: Actor;
  let recruiter: Actor;
  let admin: Actor;
  let candidateId: string;
  let skillCode: string;

  beforeAll(async () => {
    t = await startTestApp();
    camille = await signUpCandidate(t, 'Camille Martin');
    other = await signUpCandidate(t, 'Other Person');
    employer = await signUpEmployer(t);
    recruiter = await staff(t, Role.RECRUITER);
    admin = await staff(t, Role.ADMIN);
    skillCode = (await t.gql(`{ skills(romeCode: "M1805", first: 1) { edges { node { code } } } }`)).data!.skills.edges[0].node.code;
    const res = await t.gql(
      UPSERT,
      {
        input: {
          headline: 'Future développeuse web',
          skills: [{ code: skillCode, level: 'BEGINNER' }],
          desiredRomeCodes: ['M1805'],
          location: { country: 'FR', inseeCode: '75111' },
          mobilityRadiusKm: 25,
          remotePreference: 'HYBRID',
          availableFrom: '2027-01-01',
          educationLevel: 'LEVEL_4',
          visibility: 'PUBLIC',
          birthDate: '2004-05-12',
          jobSeeker: true,
          sensitiveDataConsent: true,
          disabilityRecognised: true,
          gender: 'FEMALE',
          ...DECLARED,
        },
      },
      camille.token,
    );
    expect(res.errors).toBeUndefined();
    candidateId = res.data!.upsertMyCandidateProfile.id;
  });
  afterAll(() => t.close());

  it('lets the candidate read and update every field of their own profile', async () => {
    const mine = await t.gql(`{ myCandidateProfile { ${PUBLIC_FIELDS} ${PRIVATE_FIELDS.join(' ')} } }`, {}, camille.token);
    expect(mine.data!.myCandidateProfile).toMatchObject({
      displayName: 'Camille Martin',
      birthDate: '2004-05-12',
      jobSeeker: true,
      disabilityRecognised: true,
      gender: 'FEMALE',
      ...DECLARED,
      location: { city: expect.stringMatching(/^Paris/), postcode: '75011' },
      skills: [{ skill: { code: skillCode }, level: 'BEGINNER' }],
    });
    const update = await t.gql(UPSERT, { input: { mobilityRadiusKm: 40 } }, camille.token);
    expect(update.data!.upsertMyCandidateProfile).toMatchObject({ mobilityRadiusKm: 40, headline: 'Future développeuse web', jobSeeker: true });
    expect(await t.orm.em.fork().count(CandidateEntity, { id: candidateId })).toBe(1);
  });

  it.each(PRIVATE_FIELDS)('never lets an employer read the private field %s', async (field) => {
    const res = await t.gql(`query ($id: ID!) { candidate(id: $id) { id ${field} } }`, { id: candidateId }, employer.token);
    expect(res.data!.candidate).toEqual({ id: candidateId, [field]: null });
    expect(res.errors?.[0]).toMatchObject({ path: ['candidate', field], extensions: { code: 'FORBIDDEN', reason: 'PRIVATE_FIELD' } });
  });

  it.each([
    ['recruiter', () => recruiter],
    ['admin', () => admin],
  ])('lets a %s read private fields', async (_, who) => {
    const res = await t.gql(`query ($id: ID!) { candidate(id: $id) { ${PRIVATE_FIELDS.join(' ')} } }`, { id: candidateId }, who().token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.candidate).toMatchObject({ birthDate: '2004-05-12', jobSeeker: true, disabilityRecognised: true, gender: 'FEMALE', ...DECLARED });
  });

  it('shows employers a PUBLIC profile with identity, an ANONYMOUS one without, a HIDDEN one not at all', async () => {
    const pub = await t.gql(GET_PUBLIC, { id: candidateId }, employer.token);
    expect(pub.data!.candidate).toMatchObject({ displayName: 'Camille Martin', email: camille.email });

    await t.gql(UPSERT, { input: { visibility: 'ANONYMOUS' } }, camille.token);
    const anon = await t.gql(GET_PUBLIC, { id: candidateId }, employer.token);
    expect(anon.errors).toBeUndefined();
    expect(anon.data!.candidate).toMatchObject({ displayName: null, email: null, headline: 'Future développeuse web' });

    await t.gql(UPSERT, { input: { visibility: 'HIDDEN' } }, camille.token);
    expect((await t.gql(GET_PUBLIC, { id: candidateId }, employer.token)).data!.candidate).toBeNull();
    expect((await t.gql(GET_PUBLIC, { id: candidateId }, recruiter.token)).data!.candidate.displayName).toBe('Camille Martin');
    await t.gql(UPSERT, { input: { visibility: 'PUBLIC' } }, camille.token);
  });

  it('keeps candidate profiles from other candidates and anonymous callers', async () => {
    expect((await t.gql(GET_PUBLIC, { id: candidateId }, other.token)).data!.candidate).toBeNull();
    expect((await t.gql(GET_PUBLIC, { id: candidateId })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const byEmployer = await t.gql(UPSERT, { input: { headline: 'x' } }, employer.token);
    expect(byEmployer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it.each(PRIORITY_FIELDS)('lets only the candidate and staff read %s, among seven actors, and only the candidate write it', async (field) => {
    const rival = await signUpEmployer(t, 'Rival SARL');
    const actors: [string, Actor | null][] = [
      ['anonymous', null],
      ['candidate', camille],
      ['other candidate', other],
      ['employer', employer],
      ['other employer', rival],
      ['recruiter', recruiter],
      ['admin', admin],
    ];
    const outcome = (res: { data?: any; errors?: readonly { extensions?: Record<string, unknown> }[] }): string =>
      res.errors?.length ? String(res.errors[0].extensions?.code) : res.data?.candidate == null ? 'NULL' : `OK ${JSON.stringify(res.data.candidate[field])}`;
    const read: Record<string, string> = {};
    const write: Record<string, string> = {};
    for (const [who, actor] of actors) {
      read[who] = outcome(await t.gql(`query ($id: ID!) { candidate(id: $id) { ${field} } }`, { id: candidateId }, actor?.token));
      const res = await t.gql(`mutation ($input: CandidateProfileInput!) { upsertMyCandidateProfile(input: $input) { id } }`, { input: { [field]: null } }, actor?.token);
      write[who] = res.errors?.length ? String(res.errors[0].extensions?.code) : res.data!.upsertMyCandidateProfile.id === candidateId ? 'OWN' : 'OTHER';
      // Put Camille's declaration back after her own write.
      if (actor === camille) await t.gql(UPSERT, { input: { [field]: (DECLARED as Record<string, unknown>)[field] } }, camille.token);
    }
    const value = `OK ${JSON.stringify((DECLARED as Record<string, unknown>)[field])}`;
    expect(read).toEqual({
      anonymous: 'UNAUTHENTICATED',
      candidate: value,
      'other candidate': 'NULL',
      employer: 'FORBIDDEN',
      'other employer': 'FORBIDDEN',
      recruiter: value,
      admin: value,
    });
    // "Other" candidate writes their own profile only; nobody else has one to write.
    expect(write).toEqual({ anonymous: 'UNAUTHENTICATED', candidate: 'OWN', 'other candidate': 'OTHER', employer: 'FORBIDDEN', 'other employer': 'FORBIDDEN', recruiter: 'FORBIDDEN', admin: 'FORBIDDEN' });
    expect((await t.orm.em.fork().findOneOrFail(CandidateEntity, { id: candidateId }))[field as 'livesInQpv']).toEqual((DECLARED as Record<string, unknown>)[field]);
  });

  it('erases one declaration on its own, keeping the others', async () => {
    const erased = await t.gql(UPSERT, { input: { livesInQpv: null } }, camille.token);
    expect(erased.errors).toBeUndefined();
    expect(erased.data!.upsertMyCandidateProfile).toMatchObject({ ...DECLARED, livesInQpv: null, disabilityRecognised: true, gender: 'FEMALE', sensitiveDataConsent: true });
    const row = await t.orm.em.fork().findOneOrFail(CandidateEntity, { id: candidateId });
    expect(row).toMatchObject({ livesInQpv: null, highestQualification: 'LEVEL_3', internationalProtection: true, situationBefore: 'JOB_SEEKER' });
    const back = await t.gql(UPSERT, { input: { livesInQpv: true } }, camille.token);
    expect(back.data!.upsertMyCandidateProfile).toMatchObject(DECLARED);
  });

  it.each(Object.entries({ ...DECLARED, highestQualification: 'NONE' }))('stores %s only with consent', async (field, value) => {
    const fresh = await signUpCandidate(t, `No Consent ${field}`);
    const refused = await t.gql(UPSERT, { input: { [field]: value } }, fresh.token);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sensitiveDataConsent' });
    expect(await t.orm.em.fork().count(CandidateEntity, { user: fresh.userId })).toBe(0);
    const given = await t.gql(UPSERT, { input: { [field]: value, sensitiveDataConsent: true } }, fresh.token);
    expect(given.data!.upsertMyCandidateProfile).toMatchObject({ [field]: value, sensitiveDataConsent: true });
  });

  it('stores disability and gender only with consent, and erases them when consent is withdrawn', async () => {
    const fresh = await signUpCandidate(t, 'No Consent');
    const refused = await t.gql(UPSERT, { input: { disabilityRecognised: true } }, fresh.token);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sensitiveDataConsent' });
    expect(await t.orm.em.fork().count(CandidateEntity, { user: fresh.userId })).toBe(0);

    const withdrawn = await t.gql(UPSERT, { input: { sensitiveDataConsent: false } }, camille.token);
    const nothing = { disabilityRecognised: null, gender: null, highestQualification: null, livesInQpv: null, internationalProtection: null, situationBefore: null };
    expect(withdrawn.data!.upsertMyCandidateProfile).toMatchObject({ sensitiveDataConsent: false, ...nothing });
    const row = await t.orm.em.fork().findOneOrFail(CandidateEntity, { id: candidateId });
    expect(row).toMatchObject(nothing);
    // Without consent, nothing can be declared again, and a "no" is not kept either.
    const again = await t.gql(UPSERT, { input: { situationBefore: 'STUDENT' } }, camille.token);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sensitiveDataConsent' });
    const no = await t.gql(UPSERT, { input: { livesInQpv: false, internationalProtection: false } }, camille.token);
    expect(no.data!.upsertMyCandidateProfile).toMatchObject({ livesInQpv: null, internationalProtection: null });
  });

  it('answers bad input with BAD_USER_INPUT naming the field, and changes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ desiredRomeCodes: ['M1805', 'Q0000'] }, 'desiredRomeCodes'],
      [{ desiredRomeCodes: ['A0000'] }, 'desiredRomeCodes[0]'],
      [{ birthDate: '2020-01-01' }, 'birthDate'],
      [{ birthDate: '2004-02-30' }, 'birthDate'],
      [{ mobilityRadiusKm: -1 }, 'mobilityRadiusKm'],
      [{ location: { country: 'FR', lat: 48.8, lng: 500 } }, 'location.lng'],
      [{ skills: [{ code: skillCode, level: 'BEGINNER' }, { code: skillCode, level: 'EXPERT' }] }, 'skills[1].code'],
      [{ headline: 'x'.repeat(201) }, 'headline'],
      [{ highestQualification: 'LEVEL_9' }, 'highestQualification'],
      [{ highestQualification: 'LOWER_SECONDARY' }, 'highestQualification'],
      [{ situationBefore: 'RETIRED' }, 'situationBefore'],
      [{ livesInQpv: 'yes' }, 'livesInQpv'],
      [{ internationalProtection: 1 }, 'internationalProtection'],
    ];
    for (const [input, field] of cases) {
      const res = await t.gql(UPSERT, { input }, camille.token);
      expect({ field, ext: res.errors?.[0].extensions }).toMatchObject({ field, ext: { code: 'BAD_USER_INPUT', field } });
    }
    const mine = await t.gql(`{ myCandidateProfile { mobilityRadiusKm headline desiredRomeCodes } }`, {}, camille.token);
    expect(mine.data!.myCandidateProfile).toEqual({ mobilityRadiusKm: 40, headline: 'Future développeuse web', desiredRomeCodes: ['M1805'] });
  });
});
