import { ConflictException, DomainException } from '@alternance/platform/domain';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

/**
 * An offer invites a candidate once: a second invitation while the first waits, after it was
 * accepted, or after it was declined (declining is final for that offer) is refused.
 */
export function reinviteRefusal(existing: InvitationStatus): ConflictException {
  switch (existing) {
    case InvitationStatus.PENDING:
      return new ConflictException('This candidate already has a pending invitation to this offer.', 'INVITATION_PENDING');
    case InvitationStatus.ACCEPTED:
      return new ConflictException('This candidate already accepted an invitation to this offer.', 'INVITATION_ACCEPTED');
    case InvitationStatus.DECLINED:
      return new ConflictException('This candidate declined an invitation to this offer: the answer is final.', 'INVITATION_DECLINED');
  }
}

/** Only a pending invitation can be answered, once. */
export function answerRefusal(status: InvitationStatus): DomainException | null {
  if (status === InvitationStatus.PENDING) return null;
  return new ConflictException(`This invitation was already ${status.toLowerCase()}.`, 'INVITATION_ALREADY_ANSWERED');
}
