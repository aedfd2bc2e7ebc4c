import { Notice, NoticeKind } from '@alternance/platform/domain';
import { ApplicationStatus, RejectionReason } from './pipeline';

/*
 * The texts people receive. The inputs carry only what a text may say: an offer's title, an
 * organization's name, and a candidate's name only when the recipient may know it (the caller
 * passes null for a masked candidate). Private profile fields never reach these functions.
 */

const STATUS_TEXT: Record<ApplicationStatus, string> = {
  [ApplicationStatus.SUBMITTED]: 'received',
  [ApplicationStatus.IN_REVIEW]: 'in review',
  [ApplicationStatus.INTERVIEW]: 'invited to an interview',
  [ApplicationStatus.OFFERED]: 'offer made',
  [ApplicationStatus.HIRED]: 'hired',
  [ApplicationStatus.REJECTED]: 'not retained',
  [ApplicationStatus.WITHDRAWN]: 'withdrawn',
};

const REJECTION_TEXT: Record<RejectionReason, string> = {
  [RejectionReason.SKILLS_MISMATCH]: 'The skills asked for did not match closely enough.',
  [RejectionReason.EXPERIENCE_MISMATCH]: 'The experience asked for did not match closely enough.',
  [RejectionReason.AVAILABILITY_MISMATCH]: 'The dates did not fit.',
  [RejectionReason.LOCATION_MISMATCH]: 'The location did not fit.',
  [RejectionReason.POSITION_FILLED]: 'The position has been filled.',
  [RejectionReason.NO_RESPONSE]: 'The employer did not hear back from you.',
  [RejectionReason.OTHER]: 'The employer chose other applications.',
};

function someone(name: string | null): string {
  return name ?? 'A candidate with an anonymous profile';
}

export interface ApplicationFacts {
  applicationId: string;
  offerTitle: string;
  /** Null when the recipient may not know who the candidate is. */
  candidateName: string | null;
  /** The candidate's account: erasing their data redacts the notice. */
  candidateUserId: string;
}

/** To each employer user of the offer's organization. */
export function applicationReceivedNotices(recipientUserIds: readonly string[], facts: ApplicationFacts): Notice[] {
  return recipientUserIds.map((recipientUserId) => ({
    recipientUserId,
    kind: NoticeKind.APPLICATION_RECEIVED,
    title: `New application for “${facts.offerTitle}”`,
    body: `${someone(facts.candidateName)} applied to your offer “${facts.offerTitle}”.\nReview it in the offer’s applications.`,
    subjectType: 'APPLICATION',
    subjectId: facts.applicationId,
    aboutUserId: facts.candidateUserId,
  }));
}

/** To the employer users, when the candidate withdraws. */
export function applicationWithdrawnNotices(recipientUserIds: readonly string[], facts: ApplicationFacts): Notice[] {
  return recipientUserIds.map((recipientUserId) => ({
    recipientUserId,
    kind: NoticeKind.APPLICATION_STATUS_CHANGED,
    title: `Application withdrawn for “${facts.offerTitle}”`,
    body: `${someone(facts.candidateName)} withdrew their application to “${facts.offerTitle}”.`,
    subjectType: 'APPLICATION',
    subjectId: facts.applicationId,
    aboutUserId: facts.candidateUserId,
  }));
}

export interface StatusChangeFacts {
  applicationId: string;
  offerTitle: string;
  organizationName: string;
  status: ApplicationStatus;
  rejectionReason?: RejectionReason | null;
  /** The employer's note on the move, written for the candidate. */
  note?: string | null;
}

/** To the candidate, when the employer moves the application. */
export function applicationStatusChangedNotice(recipientUserId: string, facts: StatusChangeFacts): Notice {
  const lines = [`${facts.organizationName} moved your application to “${facts.offerTitle}”: ${STATUS_TEXT[facts.status]}.`];
  if (facts.status === ApplicationStatus.REJECTED && facts.rejectionReason) lines.push(REJECTION_TEXT[facts.rejectionReason]);
  if (facts.note?.trim()) lines.push(`Note from ${facts.organizationName}: ${facts.note.trim()}`);
  return {
    recipientUserId,
    kind: NoticeKind.APPLICATION_STATUS_CHANGED,
    title: `Your application for “${facts.offerTitle}”: ${STATUS_TEXT[facts.status]}`,
    body: lines.join('\n'),
    subjectType: 'APPLICATION',
    subjectId: facts.applicationId,
  };
}

export interface InvitationFacts {
  invitationId: string;
  offerTitle: string;
  organizationName: string;
  message?: string | null;
}

/** To the invited candidate. */
export function invitationReceivedNotice(recipientUserId: string, facts: InvitationFacts): Notice {
  const lines = [`${facts.organizationName} invites you to apply for “${facts.offerTitle}”.`];
  if (facts.message?.trim()) lines.push(`Their message: ${facts.message.trim()}`);
  lines.push(`Accept to apply (${facts.organizationName} then sees your name and contact), or decline.`);
  return {
    recipientUserId,
    kind: NoticeKind.INVITATION_RECEIVED,
    title: `${facts.organizationName} invites you to apply for “${facts.offerTitle}”`,
    body: lines.join('\n'),
    subjectType: 'INVITATION',
    subjectId: facts.invitationId,
  };
}

export interface InvitationAnswerFacts {
  invitationId: string;
  offerTitle: string;
  accepted: boolean;
  /** Null when the recipient may not know who the candidate is. */
  candidateName: string | null;
  /** The candidate's account: erasing their data redacts the notice. */
  candidateUserId: string;
}

/** To the person who sent the invitation. */
export function invitationAnsweredNotice(recipientUserId: string, facts: InvitationAnswerFacts): Notice {
  const who = facts.candidateName ?? 'The candidate';
  return {
    recipientUserId,
    kind: NoticeKind.INVITATION_ANSWERED,
    title: `Your invitation for “${facts.offerTitle}” was ${facts.accepted ? 'accepted' : 'declined'}`,
    body: facts.accepted
      ? `${who} accepted your invitation and applied to “${facts.offerTitle}”.`
      : `${who} declined your invitation to “${facts.offerTitle}”.`,
    subjectType: 'INVITATION',
    subjectId: facts.invitationId,
    aboutUserId: facts.candidateUserId,
  };
}

export interface FilledFacts {
  offerTitle: string;
  organizationName: string;
}

/** To every other candidate whose application on the offer is still open. */
export function offerFilledNotices(recipients: readonly { userId: string; applicationId: string }[], facts: FilledFacts): Notice[] {
  return recipients.map((r) => ({
    recipientUserId: r.userId,
    kind: NoticeKind.OFFER_FILLED,
    title: `“${facts.offerTitle}” has been filled`,
    body: `${facts.organizationName} has filled every position of “${facts.offerTitle}”. Your application stays in your list; other offers may suit you.`,
    subjectType: 'APPLICATION',
    subjectId: r.applicationId,
  }));
}

/** To every candidate whose application was still open when the offer reached its expiry date. */
export function offerExpiredNotices(recipients: readonly { userId: string; applicationId: string }[], facts: { offerTitle: string }): Notice[] {
  return recipients.map((r) => ({
    recipientUserId: r.userId,
    kind: NoticeKind.OFFER_EXPIRED,
    title: `“${facts.offerTitle}” is no longer published`,
    body: `The offer “${facts.offerTitle}” reached its closing date. The employer can still answer your application; other offers may suit you.`,
    subjectType: 'APPLICATION',
    subjectId: r.applicationId,
  }));
}
