import { NotificationEntity } from '@alternance/notifications/data-access';
import { ExpiredOffer, JobRunner, OfferExpiryJob } from '@alternance/notifications/feature';
import { NoticeKind } from '@alternance/platform/domain';
import { AggregateType, OutboxEventEntity } from '@alternance/platform/data-access';
import { Actor, signUpEmployer } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';
import { mailSettled, mails, publishOffer } from './notifications-support';

const SEARCH = `query ($q: String!) { searchOffers(input: { query: $q }) { totalCount edges { node { id } } } }`;

describe(`offer expiry (${engine})`, () => {
  let t: TestApp;
  let employer: Actor;
  let rival: Actor;
  let offerId: string;
  let rivalOfferId: string;
  let job: OfferExpiryJob;
  const expiredSeen: ExpiredOffer[][] = [];

  const at = (iso: string) => t.clock.set(new Date(iso));
  const noticesOf = async (userId: string) =>
    (await t.orm.em.fork().find(NotificationEntity, { recipient: userId }, { orderBy: { createdAt: 'asc', id: 'asc' } })).map((n) => ({ kind: n.kind, title: n.title, subjectId: n.subjectId }));

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-23T09:00:00Z'), env: { OFFER_TTL_DAYS: '20', JWT_TTL_SECONDS: String(30 * 24 * 3600) } });
    employer = await signUpEmployer(t, 'Mécanique de Précision');
    rival = await signUpEmployer(t, 'Autre Atelier');
    offerId = await publishOffer(t, employer.token, 'Tourneur fraiseur en alternance');
    rivalOfferId = await publishOffer(t, rival.token, 'Tourneur sur commande numérique');
    job = t.app.get(OfferExpiryJob);
    job.onExpired(async (em, expired) => {
      // Runs inside the closing transaction: the offers are already CLOSED there.
      expect(await em.count(OutboxEventEntity, { aggregateType: AggregateType.OFFER, aggregateId: expired[0].offerId })).toBeGreaterThan(0);
      expiredSeen.push([...expired]);
    });
  });
  afterAll(() => t.close());

  it('sets expiresAt to publishedAt plus OFFER_TTL_DAYS', async () => {
    const res = await t.gql(`query ($id: ID!) { offer(id: $id) { publishedAt expiresAt } }`, { id: offerId });
    expect(res.data!.offer).toEqual({ publishedAt: '2026-11-23T09:00:00.000Z', expiresAt: '2026-12-13T09:00:00.000Z' });
  });

  it('warns the organization’s employers from the start of the day 7 days before, once', async () => {
    at('2026-12-05T23:59:59Z');
    expect(await job.run(t.clock.now())).toEqual({ expired: 0, warned: 0 });
    at('2026-12-06T00:00:00Z');
    expect(await job.run(t.clock.now())).toEqual({ expired: 0, warned: 2 });
    at('2026-12-06T15:00:00Z');
    expect(await job.run(t.clock.now())).toEqual({ expired: 0, warned: 0 });
    expect(await noticesOf(employer.userId)).toEqual([
      { kind: NoticeKind.OFFER_EXPIRING, title: 'Your offer “Tourneur fraiseur en alternance” expires in 7 days', subjectId: offerId },
    ]);
  });

  it('warns again from the start of the day before', async () => {
    at('2026-12-11T23:59:59Z');
    expect(await job.run(t.clock.now())).toEqual({ expired: 0, warned: 0 });
    at('2026-12-12T00:00:00Z');
    expect(await job.run(t.clock.now())).toEqual({ expired: 0, warned: 2 });
    expect((await noticesOf(employer.userId)).map((n) => n.title)).toEqual([
      'Your offer “Tourneur fraiseur en alternance” expires in 7 days',
      'Your offer “Tourneur fraiseur en alternance” expires tomorrow',
    ]);
  });

  it('closes the offer at its expiry instant, drops it from search and tells the employer once', async () => {
    at('2026-12-13T08:59:59Z');
    expect(await job.run(t.clock.now())).toEqual({ expired: 0, warned: 0 });
    expect((await t.gql(SEARCH, { q: 'tourneur fraiseur' })).data!.searchOffers.edges.map((e: any) => e.node.id)).toContain(offerId);

    at('2026-12-13T09:00:00Z');
    expect(await job.run(t.clock.now())).toEqual({ expired: 2, warned: 0 });
    const offer = await t.gql(`query ($id: ID!) { offer(id: $id) { status } }`, { id: offerId }, employer.token);
    expect(offer.data!.offer.status).toBe('CLOSED');
    expect((await t.gql(SEARCH, { q: 'tourneur fraiseur' })).data!.searchOffers.edges.map((e: any) => e.node.id)).not.toContain(offerId);
    expect(expiredSeen).toHaveLength(1);
    expect(expiredSeen[0]).toHaveLength(2);
    expect(expiredSeen[0]).toContainEqual({ offerId, title: 'Tourneur fraiseur en alternance', organizationId: employer.organizationId, expiresAt: new Date('2026-12-13T09:00:00Z') });

    at('2026-12-14T09:00:00Z');
    expect(await job.run(t.clock.now())).toEqual({ expired: 0, warned: 0 });
    const notices = await noticesOf(employer.userId);
    expect(notices.map((n) => n.kind)).toEqual([NoticeKind.OFFER_EXPIRING, NoticeKind.OFFER_EXPIRING, NoticeKind.OFFER_EXPIRED]);
    expect(notices[2].title).toBe('Your offer “Tourneur fraiseur en alternance” has expired');
    // The other organization's offer was published at the same time: its employer hears about it alone.
    expect((await noticesOf(rival.userId)).map((n) => [n.kind, n.subjectId])).toEqual([
      [NoticeKind.OFFER_EXPIRING, rivalOfferId],
      [NoticeKind.OFFER_EXPIRING, rivalOfferId],
      [NoticeKind.OFFER_EXPIRED, rivalOfferId],
    ]);
  });

  it('mails each notice to the employer', async () => {
    await mailSettled(t);
    const subjects = mails(t)
      .filter((m) => m.to === employer.email)
      .map((m) => m.subject);
    expect(subjects).toEqual([
      'Your offer “Tourneur fraiseur en alternance” expires in 7 days',
      'Your offer “Tourneur fraiseur en alternance” expires tomorrow',
      'Your offer “Tourneur fraiseur en alternance” has expired',
    ]);
  });

  it('runs every job once from the runner, each safe to run again', async () => {
    const first = await t.app.get(JobRunner).runOnce();
    expect(first.map((r) => [r.job, r.ok])).toEqual([
      ['offerExpiry', true],
      ['savedSearchAlerts', true],
      ['retention', true],
      ['outcomeFollowUp', true],
      ['mail', true],
    ]);
    const again = await t.app.get(JobRunner).runOnce();
    expect(again.find((r) => r.job === 'offerExpiry')!.result).toEqual({ expired: 0, warned: 0 });
  });
});
