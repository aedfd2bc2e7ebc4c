import { ErrorCode } from '@alternance/platform/domain';
import { InvitationStatus, answerRefusal, reinviteRefusal } from './invitation';

describe('invitations', () => {
  it('refuses a second invitation with the reason of the first one’s state', () => {
    expect(reinviteRefusal(InvitationStatus.PENDING)).toMatchObject({ code: ErrorCode.CONFLICT, reason: 'INVITATION_PENDING' });
    expect(reinviteRefusal(InvitationStatus.ACCEPTED)).toMatchObject({ code: ErrorCode.CONFLICT, reason: 'INVITATION_ACCEPTED' });
    const declined = reinviteRefusal(InvitationStatus.DECLINED);
    expect(declined).toMatchObject({ code: ErrorCode.CONFLICT, reason: 'INVITATION_DECLINED' });
    expect(declined.message).toContain('final');
  });

  it('answers a pending invitation once', () => {
    expect(answerRefusal(InvitationStatus.PENDING)).toBeNull();
    expect(answerRefusal(InvitationStatus.ACCEPTED)).toMatchObject({ code: ErrorCode.CONFLICT, reason: 'INVITATION_ALREADY_ANSWERED' });
    expect(answerRefusal(InvitationStatus.DECLINED)).toMatchObject({ code: ErrorCode.CONFLICT, reason: 'INVITATION_ALREADY_ANSWERED' });
  });
});
