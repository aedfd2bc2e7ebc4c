import { NoticeKind } from '@alternance/platform/domain';
import { UserEntity } from '@alternance/identity/data-access';
import { NotificationEntity } from '@alternance/notifications/data-access';
import { RetentionJob } from '@alternance/notifications/feature';
import { Actor, PASSWORD, signUpCandidate, signUpEmployer } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';
import { mailSettled, mails } from './notifications-support';

describe(`retention of inactive candidate accounts (${engine})`, () => {
  let t: TestApp;
  let anna: Actor;
  let bruno: Actor;
  let chloe: Actor;
  let employer: Actor;
  let job: RetentionJob;

  const at = (iso: string) => t.clock.set(new Date(iso));
  const run = () => job.run(t.clock.now());
  const exists = async (a: Actor) => (await t.orm.em.fork().count(UserEntity, { id: a.userId })) === 1;
  const warnings = (a: Actor) => t.orm.em.fork().find(NotificationEntity, { recipient: a.userId, kind: NoticeKind.RETENTION_WARNING });

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-23T09:00:00Z'), env: { JWT_TTL_SECONDS: String(30 * 24 * 3600) } });
    anna = await signUpCandidate(t, 'Anna Lefèvre');
    bruno = await signUpCandidate(t, 'Bruno Morel');
    chloe = await signUpCandidate(t, 'Chloé Girard');
    employer = await signUpEmployer(t, 'Atelier Retenue');
    job = t.app.get(RetentionJob);
    // A profile write is activity too.
    at('2026-12-18T10:00:00Z');
    const profile = await t.gql(`mutation { upsertMyCandidateProfile(input: { headline: "Cuisinière" }) { id } }`, {}, chloe.token);
    expect(profile.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  it('does nothing the day before the warning', async () => {
    at('2028-10-23T23:59:59Z');
    expect(await run()).toEqual({ warned: 0, erased: 0 });
  });

  it('warns 30 days before, once, in the inbox and by mail', async () => {
    at('2028-10-24T00:00:00Z');
    expect(await run()).toEqual({ warned: 2, erased: 0 });
    const [warning] = await warnings(anna);
    expect(warning).toMatchObject({ title: 'Your Alternance account will be deleted on 2028-11-23', subjectType: 'ACCOUNT', subjectId: anna.userId });
    expect(warning.body).toContain('log in before 2028-11-23');
    await mailSettled(t);
    expect(mails(t).filter((m) => m.to === anna.email).map((m) => m.subject)).toEqual(['Your Alternance account will be deleted on 2028-11-23']);

    at('2028-10-24T18:00:00Z');
    expect(await run()).toEqual({ warned: 0, erased: 0 });
    at('2028-10-30T00:00:00Z');
    expect(await run()).toEqual({ warned: 0, erased: 0 });
    expect(await warnings(anna)).toHaveLength(1);
    expect(await warnings(employer)).toHaveLength(0);
  });

  it('starts over for a candidate who logs in', async () => {
    at('2028-11-01T10:00:00Z');
    const login = await t.gql(`mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }`, { input: { email: bruno.email, password: PASSWORD } });
    expect(login.errors).toBeUndefined();
  });

  it('warns a candidate whose last activity was a profile write on their own day', async () => {
    at('2028-11-17T23:59:59Z');
    expect(await run()).toEqual({ warned: 0, erased: 0 });
    at('2028-11-18T00:00:00Z');
    expect(await run()).toEqual({ warned: 1, erased: 0 });
    expect((await warnings(chloe)).map((w) => w.title)).toEqual(['Your Alternance account will be deleted on 2028-12-18']);
  });

  it('erases on the day two years after the last activity, not the day before, and only the inactive', async () => {
    at('2028-11-22T23:59:59Z');
    expect(await run()).toEqual({ warned: 0, erased: 0 });
    expect(await exists(anna)).toBe(true);

    at('2028-11-23T00:00:00Z');
    expect(await run()).toEqual({ warned: 0, erased: 1 });
    expect(await exists(anna)).toBe(false);
    expect(await exists(bruno)).toBe(true);
    expect(await exists(chloe)).toBe(true);
    expect(await exists(employer)).toBe(true);
    expect(await run()).toEqual({ warned: 0, erased: 0 });

    at('2028-12-18T00:00:00Z');
    expect(await run()).toEqual({ warned: 0, erased: 1 });
    expect(await exists(chloe)).toBe(false);
    expect(await exists(bruno)).toBe(true);
  });
});
