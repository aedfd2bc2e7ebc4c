import { NOTICE_BOARD, NoticeBoard } from '@alternance/platform/data-access';
import { NotificationEntity } from '@alternance/notifications/data-access';
import { signUpCandidate } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';
import { mails, notice } from './notifications-support';

describe(`job scheduler in the API process (${engine})`, () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('runs the jobs every JOBS_INTERVAL_SECONDS: a mail nobody kicked goes out on the next tick', async () => {
    t = await startTestApp({ env: { JOBS_INTERVAL_SECONDS: '1' } });
    const camille = await signUpCandidate(t);
    // Posted and committed, but noticesCommitted() never called: as after a crash right after commit.
    await t.orm.em.fork().transactional(async (tx) => t.app.get<NoticeBoard>(NOTICE_BOARD).post(tx, [notice(camille.userId, 'Sent by the scheduler')]));
    expect(mails(t)).toEqual([]);
    const deadline = Date.now() + 5000;
    while (!mails(t).length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mails(t).map((m) => [m.to, m.subject])).toEqual([[camille.email, 'Sent by the scheduler']]);
    expect((await t.orm.em.fork().findOneOrFail(NotificationEntity, { title: 'Sent by the scheduler' })).mailedAt).not.toBeNull();
  });

  it('runs nothing by itself in tests unless asked', async () => {
    t = await startTestApp();
    const camille = await signUpCandidate(t);
    await t.orm.em.fork().transactional(async (tx) => t.app.get<NoticeBoard>(NOTICE_BOARD).post(tx, [notice(camille.userId, 'Waits for a run')]));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mails(t)).toEqual([]);
  });
});
