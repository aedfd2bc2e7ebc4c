import { NotificationEntity } from '@alternance/notifications/data-access';
import { OfferExpiryJob } from '@alternance/notifications/feature';
import { UserEntity } from '@alternance/identity/data-access';
import { NoticeKind } from '@alternance/platform/domain';
import { APPRENTICE_PROFILE, Actor, createOffer, signUpCandidate, signUpEmployer, upsertProfile } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';
import { mailSettled, mails } from './notifications-support';

describe(`applicants of an expiring offer (${engine})`, () => {
  let t: TestApp;
  let employer: Actor;
  let stays: Actor;
  let leaves: Actor;
  let offerId: string;

  const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const kindsOf = async (userId: string) => (await t.orm.em.fork().find(NotificationEntity, { recipient: userId }, { orderBy: { createdAt: 'asc', id: 'asc' } })).map((n) => n.kind);

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-23T09:00:00Z'), env: { OFFER_TTL_DAYS: '10', JWT_TTL_SECONDS: String(30 * 24 * 3600) } });
    employer = await signUpEmployer(t, 'Studio Rhône');
    stays = await signUpCandidate(t, 'Inès Diallo');
    leaves = await signUpCandidate(t, 'Hugo Martin');
    for (const person of [stays, leaves]) await upsertProfile(t, person, APPRENTICE_PROFILE);
    offerId = await createOffer(t, employer);
  });
  afterAll(() => t.close());

  it('counts applying and withdrawing as activity for the retention clock', async () => {
    t.clock.set(new Date('2026-11-25T10:00:00Z'));
    await gql(`mutation ($input: ApplyInput!) { applyToOffer(input: $input) { id } }`, { input: { offerId, message: 'Bonjour' } }, stays.token);
    const applied = await gql(`mutation ($input: ApplyInput!) { applyToOffer(input: $input) { id } }`, { input: { offerId, message: 'Bonjour' } }, leaves.token);
    expect((await t.orm.em.fork().findOneOrFail(UserEntity, { id: stays.userId })).lastActiveAt).toEqual(new Date('2026-11-25T10:00:00Z'));
    t.clock.set(new Date('2026-11-26T10:00:00Z'));
    await gql(`mutation ($id: ID!) { withdrawApplication(id: $id) { id } }`, { id: applied.applyToOffer.id }, leaves.token);
    expect((await t.orm.em.fork().findOneOrFail(UserEntity, { id: leaves.userId })).lastActiveAt).toEqual(new Date('2026-11-26T10:00:00Z'));
  });

  it('tells candidates with an open application, and only them, when the offer expires', async () => {
    t.clock.set(new Date('2026-12-03T09:00:00Z'));
    expect((await t.app.get(OfferExpiryJob).run(t.clock.now())).expired).toBe(1);
    await mailSettled(t);
    expect((await kindsOf(stays.userId)).filter((k) => k === NoticeKind.OFFER_EXPIRED)).toHaveLength(1);
    expect(await kindsOf(leaves.userId)).not.toContain(NoticeKind.OFFER_EXPIRED);
    const mail = mails(t).filter((m) => m.to === stays.email && m.subject.includes('no longer published'));
    expect(mail).toHaveLength(1);
    expect(mail[0].text).toContain('Développeur web en alternance');
  });
});
