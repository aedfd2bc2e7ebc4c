import { Role } from '@alternance/platform/domain';
import { UserEntity } from '@alternance/identity/data-access';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { PASSWORD, freshSiret, signUpCandidate, signUpEmployer, staff } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';

const SIGN_UP = `mutation ($input: SignUpInput!) {
  signUp(input: $input) { accessToken expiresAt user { id email role displayName organization { id name siret country } } }
}`;
const LOG_IN = `mutation ($input: LogInInput!) { logIn(input: $input) { accessToken user { id role } } }`;
const ME = `{ me { id email role displayName organization { name } } }`;

describe(`identity (${engine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs up a candidate, who can then log in and read me', async () => {
    const email = `Lea.Petit+${engine}@Example.test`;
    const signUp = await t.gql(SIGN_UP, { input: { email, password: PASSWORD, role: 'CANDIDATE', displayName: 'Léa Petit' } });
    expect(signUp.errors).toBeUndefined();
    expect(signUp.data!.signUp.user).toMatchObject({ email: email.toLowerCase(), role: 'CANDIDATE', organization: null });
    expect(new Date(signUp.data!.signUp.expiresAt).getTime()).toBe(t.clock.now().getTime() + 3600_000);

    const logIn = await t.gql(LOG_IN, { input: { email: email.toUpperCase(), password: PASSWORD } });
    expect(logIn.data!.logIn.user.id).toBe(signUp.data!.signUp.user.id);
    const me = await t.gql(ME, {}, logIn.data!.logIn.accessToken);
    expect(me.data!.me).toMatchObject({ email: email.toLowerCase(), displayName: 'Léa Petit' });
  });

  it('stores a memory-hard hash, never the password', async () => {
    const actor = await signUpCandidate(t);
    const user = await t.orm.em.fork().findOneOrFail(UserEntity, { id: actor.userId }, { populate: ['passwordHash'] });
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
  });

  it('signs up an employer together with its organization', async () => {
    const siret = freshSiret();
    const res = await t.gql(SIGN_UP, {
      input: { email: `hr-${engine}@boulangerie.test`, password: PASSWORD, role: 'EMPLOYER', displayName: 'Nora', organization: { name: 'Boulangerie Soleil', siret: siret.replace(/(\d{3})/, '$1 '), country: 'FR' } },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.signUp.user.organization).toMatchObject({ name: 'Boulangerie Soleil', siret, country: 'FR' });
  });

  it('refuses staff roles, bad SIRETs and weak passwords, writing nothing', async () => {
    const before = await t.orm.em.fork().count(UserEntity);
    const orgsBefore = await t.orm.em.fork().count(OrganizationEntity);
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'a@x.test', password: PASSWORD, role: 'RECRUITER', displayName: 'A' }, 'role'],
      [{ email: 'b@x.test', password: PASSWORD, role: 'ADMIN', displayName: 'B' }, 'role'],
      [{ email: 'c@x.test', password: 'short', role: 'CANDIDATE', displayName: 'C' }, 'password'],
      [{ email: 'not-an-email', password: PASSWORD, role: 'CANDIDATE', displayName: 'D' }, 'email'],
      [{ email: 'e@x.test', password: PASSWORD, role: 'EMPLOYER', displayName: 'E', organization: { name: 'Acme', siret: '12345678901234', country: 'FR' } }, 'organization.siret'],
      [{ email: 'f@x.test', password: PASSWORD, role: 'EMPLOYER', displayName: 'F' }, 'organization'],
      [{ email: 'g@x.test', password: PASSWORD, role: 'CANDIDATE', displayName: 'x'.repeat(121) }, 'displayName'],
    ];
    for (const [input, field] of cases) {
      const res = await t.gql(SIGN_UP, { input });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await t.orm.em.fork().count(UserEntity)).toBe(before);
    expect(await t.orm.em.fork().count(OrganizationEntity)).toBe(orgsBefore);
  });

  it('answers CONFLICT for a taken email or SIRET', async () => {
    const first = await signUpCandidate(t);
    const again = await t.gql(SIGN_UP, { input: { email: first.email.toUpperCase(), password: PASSWORD, role: 'CANDIDATE', displayName: 'Twin' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });

    const siret = freshSiret();
    const org = { name: 'Garage Dupont', siret, country: 'FR' };
    await t.gql(SIGN_UP, { input: { email: `one-${engine}@garage.test`, password: PASSWORD, role: 'EMPLOYER', displayName: 'One', organization: org } });
    const second = await t.gql(SIGN_UP, { input: { email: `two-${engine}@garage.test`, password: PASSWORD, role: 'EMPLOYER', displayName: 'Two', organization: org } });
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SIRET_TAKEN' });
    expect(await t.orm.em.fork().count(UserEntity, { email: `two-${engine}@garage.test` })).toBe(0);
  });

  it('refuses wrong credentials without telling which part was wrong', async () => {
    const actor = await signUpCandidate(t);
    const wrongPassword = await t.gql(LOG_IN, { input: { email: actor.email, password: 'wrong-password-123' } });
    const unknownEmail = await t.gql(LOG_IN, { input: { email: 'nobody@example.test', password: PASSWORD } });
    for (const res of [wrongPassword, unknownEmail]) {
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' });
      expect(res.errors?.[0].message).toBe('Email or password is wrong.');
    }
  });

  it('requires a valid, unexpired token for me', async () => {
    expect((await t.gql(ME)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, 'not.a.token')).errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    const actor = await signUpCandidate(t);
    t.clock.advance(3600_000 + 1000);
    const expired = await t.gql(ME, {}, actor.token);
    expect(expired.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    t.clock.advance(-(3600_000 + 1000));
  });

  it('lets staff created by the CLI path log in with their role', async () => {
    const recruiter = await staff(t, Role.RECRUITER);
    const me = await t.gql(ME, {}, recruiter.token);
    expect(me.data!.me.role).toBe('RECRUITER');
    const employer = await signUpEmployer(t);
    expect((await t.gql(ME, {}, employer.token)).data!.me.organization.name).toBe('Atelier Numérique');
  });
});
