/**
 * What the product tells a person: one kind per event, each recorded in the person's in-app
 * inbox and sent by mail. Contexts post notices through the notice board (platform data-access)
 * inside the transaction that makes the event happen, so a notice exists exactly when its event does.
 */
export enum NoticeKind {
  APPLICATION_RECEIVED = 'APPLICATION_RECEIVED',
  APPLICATION_STATUS_CHANGED = 'APPLICATION_STATUS_CHANGED',
  INVITATION_RECEIVED = 'INVITATION_RECEIVED',
  INVITATION_ANSWERED = 'INVITATION_ANSWERED',
  OFFER_EXPIRING = 'OFFER_EXPIRING',
  OFFER_FILLED = 'OFFER_FILLED',
  OFFER_EXPIRED = 'OFFER_EXPIRED',
  SAVED_SEARCH_DIGEST = 'SAVED_SEARCH_DIGEST',
  RETENTION_WARNING = 'RETENTION_WARNING',
  MENTOR_ASSIGNED = 'MENTOR_ASSIGNED',
  OUTCOME_QUESTION = 'OUTCOME_QUESTION',
}

/** What a notice is about, so the inbox can link to it. */
export type NoticeSubjectType = 'OFFER' | 'APPLICATION' | 'INVITATION' | 'SAVED_SEARCH' | 'ACCOUNT';

export interface Notice {
  /** The user (account) told. */
  recipientUserId: string;
  kind: NoticeKind;
  /** One line, in the recipient's terms; also the mail subject. Never holds private candidate fields. */
  title: string;
  /** A few plain-text lines; also the mail body. */
  body: string;
  subjectType: NoticeSubjectType;
  subjectId: string;
  /**
   * The person the notice names when that is not the recipient (e.g. the candidate who
   * applied, in the employer's notice): erasing that person's data redacts the notice.
   */
  aboutUserId?: string;
}
