import { rmSync, writeFileSync } from 'node:fs';
import { NoticeKind } from '@alternance/platform/domain';
import { NOTICE_BOARD, NoticeBoard } from '@alternance/platform/data-access';
import { NotificationEntity } from '@alternance/notifications/data-access';
import { MailDispatcher } from '@alternance/notifications/feature';
import { Actor, signUpCandidate, signUpEmployer } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';
import { NOTIFICATIONS, mailSettled, mails, notice, postNotices } from './notifications-support';

const MARK = `mutation ($id: ID!) { markNotificationRead(id: $id) { id read readAt } }`;
const MARK_ALL = `mutation { markAllNotificationsRead }`;

describe(`notifications inbox and mail (${engine})`, () => {
  let t: TestApp;
  let camille: Actor;
  let nora: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    camille = await signUpCandidate(t, 'Camille Martin');
    nora = await signUpEmployer(t, 'Boulangerie Soleil');
    for (let i = 1; i <= 3; i++) {
      await postNotices(t, [notice(camille.userId, `Notice ${i} for Camille`)]);
      t.clock.advance(60_000);
    }
    await postNotices(t, [notice(nora.userId, 'Notice for Nora', { kind: NoticeKind.APPLICATION_RECEIVED, subjectType: 'APPLICATION' })]);
  });
  afterAll(() => t.close());

  it('lists only your notifications, newest first, with the unread count, in pages', async () => {
    const res = await t.gql(NOTIFICATIONS, { first: 2 }, camille.token);
    expect(res.errors).toBeUndefined();
    const page = res.data!.myNotifications;
    expect(page).toMatchObject({ totalCount: 3, unreadCount: 3, pageInfo: { hasNextPage: true } });
    expect(page.edges.map((e: any) => e.node.title)).toEqual(['Notice 3 for Camille', 'Notice 2 for Camille']);
    expect(page.edges[0].node).toMatchObject({ kind: 'OFFER_FILLED', subjectType: 'OFFER', read: false, readAt: null, body: 'Notice 3 for Camille: details.' });
    const next = await t.gql(NOTIFICATIONS, { first: 2, after: page.pageInfo.endCursor }, camille.token);
    expect(next.data!.myNotifications.edges.map((e: any) => e.node.title)).toEqual(['Notice 1 for Camille']);
    const noras = await t.gql(NOTIFICATIONS, {}, nora.token);
    expect(noras.data!.myNotifications.edges.map((e: any) => e.node.title)).toEqual(['Notice for Nora']);
  });

  it('marks one read for its recipient only; another person’s notification does not exist for them', async () => {
    const list = await t.gql(NOTIFICATIONS, {}, camille.token);
    const id = list.data!.myNotifications.edges[1].node.id;
    const stolen = await t.gql(MARK, { id }, nora.token);
    expect(stolen.data).toBeNull();
    expect(stolen.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.orm.em.fork().findOneOrFail(NotificationEntity, { id })).readAt).toBeNull();
    for (const bad of ['not-an-id', '00000000-0000-4000-8000-00000000dead']) {
      expect((await t.gql(MARK, { id: bad }, camille.token)).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    }

    const marked = await t.gql(MARK, { id }, camille.token);
    expect(marked.data!.markNotificationRead).toEqual({ id, read: true, readAt: t.clock.now().toISOString() });
    const after = await t.gql(NOTIFICATIONS, { unreadOnly: true }, camille.token);
    expect(after.data!.myNotifications).toMatchObject({ totalCount: 2, unreadCount: 2 });
    expect(after.data!.myNotifications.edges.map((e: any) => e.node.id)).not.toContain(id);
  });

  it('marks all of your notifications read and nobody else’s', async () => {
    expect((await t.gql(MARK_ALL, {}, camille.token)).data!.markAllNotificationsRead).toBe(2);
    expect((await t.gql(MARK_ALL, {}, camille.token)).data!.markAllNotificationsRead).toBe(0);
    expect((await t.gql(NOTIFICATIONS, {}, camille.token)).data!.myNotifications).toMatchObject({ totalCount: 3, unreadCount: 0 });
    expect((await t.gql(NOTIFICATIONS, {}, nora.token)).data!.myNotifications).toMatchObject({ unreadCount: 1 });
  });

  it('needs a signed-in caller and refuses a page size over the maximum', async () => {
    expect((await t.gql(NOTIFICATIONS, {})).errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await t.gql(NOTIFICATIONS, { first: 101 }, camille.token)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('mails every notice to its recipient after commit: subject and text from the notice', async () => {
    const sent = mails(t);
    expect(sent.map((m) => m.subject).sort()).toEqual(['Notice 1 for Camille', 'Notice 2 for Camille', 'Notice 3 for Camille', 'Notice for Nora']);
    const toNora = sent.find((m) => m.subject === 'Notice for Nora')!;
    expect(toNora.to).toBe(nora.email);
    expect(toNora.text).toContain('Notice for Nora: details.');
    const rows = await t.orm.em.fork().find(NotificationEntity, {});
    expect(rows.every((n) => n.mailedAt !== null && n.mailAttempts === 1 && n.mailNextAttemptAt === null)).toBe(true);
  });

  it('posts nothing and mails nothing when the event’s transaction rolls back', async () => {
    const board = t.app.get<NoticeBoard>(NOTICE_BOARD);
    const before = await t.orm.em.fork().count(NotificationEntity, {});
    await expect(
      t.orm.em.fork().transactional(async (tx) => {
        board.post(tx, [notice(camille.userId, 'Never happened')]);
        await tx.flush();
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    await mailSettled(t);
    expect(await t.orm.em.fork().count(NotificationEntity, {})).toBe(before);
    expect(mails(t).map((m) => m.subject)).not.toContain('Never happened');
  });

  it('retries a failed mail with backoff, and sends again a mail whose sender died mid-send', async () => {
    // A file where the mail folder should be: the file mailer fails.
    const dir = t.config.mail.transport === 'file' ? t.config.mail.dir : '';
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'not a folder');
    const dispatcher = t.app.get(MailDispatcher);
    const start = t.clock.now();
    await postNotices(t, [notice(camille.userId, 'Retry me')]);
    const row = async () => t.orm.em.fork().findOneOrFail(NotificationEntity, { title: 'Retry me' });
    expect(await row()).toMatchObject({ mailedAt: null, mailAttempts: 1, mailNextAttemptAt: new Date(start.getTime() + 60_000) });

    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, failed: 0 });
    t.clock.advance(60_000);
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, failed: 1 });
    expect(await row()).toMatchObject({ mailedAt: null, mailAttempts: 2, mailNextAttemptAt: new Date(start.getTime() + 3 * 60_000) });

    rmSync(dir, { force: true });
    t.clock.advance(2 * 60_000);
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 1, failed: 0 });
    expect(await row()).toMatchObject({ mailedAt: t.clock.now(), mailAttempts: 3, mailNextAttemptAt: null });
    expect(mails(t).filter((m) => m.subject === 'Retry me')).toHaveLength(1);

    // A sender claimed this one (attempt counted, claim for 10 minutes) and died before sending.
    await t.orm.em.fork().transactional(async (tx) => t.app.get<NoticeBoard>(NOTICE_BOARD).post(tx, [notice(camille.userId, 'Claimed, then crash')]));
    const claimed = await t.orm.em.fork().findOneOrFail(NotificationEntity, { title: 'Claimed, then crash' });
    await t.orm.em.fork().nativeUpdate(NotificationEntity, { id: claimed.id }, { mailAttempts: 1, mailNextAttemptAt: new Date(t.clock.now().getTime() + 10 * 60_000) });
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, failed: 0 });
    t.clock.advance(10 * 60_000);
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 1, failed: 0 });
    expect(mails(t).filter((m) => m.subject === 'Claimed, then crash')).toHaveLength(1);
  });
});
