import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Notice, NoticeKind } from '@alternance/platform/domain';
import { NOTICE_BOARD, NoticeBoard } from '@alternance/platform/data-access';
import { FiledMail, MAIL_FILE } from '@alternance/notifications/data-access';
import { MailDispatcher } from '@alternance/notifications/feature';
import { TestApp } from '../support/test-app';

/** Posts notices the way a context does (in a transaction, then after commit) and waits for the mail. */
export async function postNotices(t: TestApp, notices: Notice[]): Promise<void> {
  const board = t.app.get<NoticeBoard>(NOTICE_BOARD);
  await t.orm.em.fork().transactional(async (tx) => board.post(tx, notices));
  await board.noticesCommitted();
  await mailSettled(t);
}

export async function mailSettled(t: TestApp): Promise<void> {
  await t.app.get(MailDispatcher).settled();
}

export function mailFile(t: TestApp): string {
  if (t.config.mail.transport !== 'file') throw new Error('the tests expect the file mailer');
  return path.join(t.config.mail.dir, MAIL_FILE);
}

/** Every mail the file mailer wrote so far. */
export function mails(t: TestApp): FiledMail[] {
  const file = mailFile(t);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as FiledMail);
}

export function notice(recipientUserId: string, title: string, overrides: Partial<Notice> = {}): Notice {
  return { recipientUserId, kind: NoticeKind.OFFER_FILLED, title, body: `${title}: details.`, subjectType: 'OFFER', subjectId: '00000000-0000-4000-8000-000000000001', ...overrides };
}

export const NOTIFICATIONS = `query ($first: Int, $after: String, $unreadOnly: Boolean) {
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount unreadCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind title body subjectType subjectId createdAt readAt read } }
  }
}`;

export const CREATE_OFFER = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }`;
export const PUBLISH_OFFER = `mutation ($id: ID!) { publishOffer(id: $id) { id status publishedAt expiresAt } }`;

/** Creates and publishes an offer as the employer; returns its id. */
/** A published offer; its occupation is a pastry cook's unless `romeCode` says otherwise (offers are found by their occupation's labels too). */
export async function publishOffer(t: TestApp, token: string, title: string, postcode = '69003', romeCode = 'D1104'): Promise<string> {
  const created = await t.gql(
    CREATE_OFFER,
    {
      input: {
        title,
        description: 'Fabrication en atelier, accompagnement par un maître d’apprentissage.',
        contractType: 'APPRENTICESHIP',
        romeCode,
        location: { country: 'FR', postcode },
        remotePolicy: 'ONSITE',
        startDate: { earliest: '2027-01-04', latest: '2027-03-01' },
      },
    },
    token,
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const id = created.data!.createOffer.id as string;
  const published = await t.gql(PUBLISH_OFFER, { id }, token);
  if (published.errors) throw new Error(JSON.stringify(published.errors));
  return id;
}
