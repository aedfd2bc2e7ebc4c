import { NoticeKind } from '@alternance/platform/domain';
import {
  applicationReceivedNotices,
  applicationStatusChangedNotice,
  applicationWithdrawnNotices,
  invitationAnsweredNotice,
  invitationReceivedNotice,
  offerFilledNotices,
} from './notices';
import { ApplicationStatus, RejectionReason } from './pipeline';

const offerTitle = 'Boulanger en alternance';

describe('application notices', () => {
  it('tells every employer of the organization about a new application, naming the candidate only when given', () => {
    const named = applicationReceivedNotices(['u1', 'u2'], { applicationId: 'a1', offerTitle, candidateName: 'Camille Martin', candidateUserId: 'c1' });
    expect(named).toHaveLength(2);
    expect(named[1]).toMatchObject({ recipientUserId: 'u2', kind: NoticeKind.APPLICATION_RECEIVED, subjectType: 'APPLICATION', subjectId: 'a1', aboutUserId: 'c1' });
    expect(named[0].title).toBe('New application for “Boulanger en alternance”');
    expect(named[0].body).toContain('Camille Martin applied');
    const [masked] = applicationReceivedNotices(['u1'], { applicationId: 'a1', offerTitle, candidateName: null, candidateUserId: 'c1' });
    expect(masked.body).toContain('A candidate with an anonymous profile applied');
    expect(applicationReceivedNotices([], { applicationId: 'a1', offerTitle, candidateName: null, candidateUserId: 'c1' })).toEqual([]);
  });

  it('tells the employers when the candidate withdraws', () => {
    const [notice] = applicationWithdrawnNotices(['u1'], { applicationId: 'a1', offerTitle, candidateName: null, candidateUserId: 'c1' });
    expect(notice).toMatchObject({ kind: NoticeKind.APPLICATION_STATUS_CHANGED, title: 'Application withdrawn for “Boulanger en alternance”', aboutUserId: 'c1' });
    expect(notice.body).toContain('A candidate with an anonymous profile withdrew');
  });

  it('tells the candidate each move, with the rejection reason and the note in plain words', () => {
    const moved = applicationStatusChangedNotice('c1', { applicationId: 'a1', offerTitle, organizationName: 'Boulangerie Soleil', status: ApplicationStatus.INTERVIEW, note: ' Tuesday 10:00 ' });
    expect(moved).toMatchObject({ recipientUserId: 'c1', kind: NoticeKind.APPLICATION_STATUS_CHANGED, subjectId: 'a1' });
    expect(moved.title).toBe('Your application for “Boulanger en alternance”: invited to an interview');
    expect(moved.body).toBe('Boulangerie Soleil moved your application to “Boulanger en alternance”: invited to an interview.\nNote from Boulangerie Soleil: Tuesday 10:00');
    const rejected = applicationStatusChangedNotice('c1', {
      applicationId: 'a1',
      offerTitle,
      organizationName: 'Boulangerie Soleil',
      status: ApplicationStatus.REJECTED,
      rejectionReason: RejectionReason.POSITION_FILLED,
    });
    expect(rejected.title).toContain('not retained');
    expect(rejected.body).toContain('The position has been filled.');
    expect(rejected.body).not.toContain('Note from');
  });

  it('invites the candidate in the organization’s name and says what accepting shares', () => {
    const notice = invitationReceivedNotice('c1', { invitationId: 'i1', offerTitle, organizationName: 'Boulangerie Soleil', message: 'We liked your profile.' });
    expect(notice).toMatchObject({ kind: NoticeKind.INVITATION_RECEIVED, subjectType: 'INVITATION', subjectId: 'i1' });
    expect(notice.title).toBe('Boulangerie Soleil invites you to apply for “Boulanger en alternance”');
    expect(notice.body).toContain('Their message: We liked your profile.');
    expect(notice.body).toContain('sees your name and contact');
    expect(invitationReceivedNotice('c1', { invitationId: 'i1', offerTitle, organizationName: 'B', message: '' }).body).not.toContain('Their message');
  });

  it('tells the inviter the answer, without a name unless given', () => {
    const accepted = invitationAnsweredNotice('e1', { invitationId: 'i1', offerTitle, accepted: true, candidateName: 'Camille Martin', candidateUserId: 'c1' });
    expect(accepted).toMatchObject({ kind: NoticeKind.INVITATION_ANSWERED, title: 'Your invitation for “Boulanger en alternance” was accepted', aboutUserId: 'c1' });
    expect(accepted.body).toContain('Camille Martin accepted');
    const declined = invitationAnsweredNotice('e1', { invitationId: 'i1', offerTitle, accepted: false, candidateName: null, candidateUserId: 'c1' });
    expect(declined.title).toContain('declined');
    expect(declined.body).toBe('The candidate declined your invitation to “Boulanger en alternance”.');
  });

  it('tells the other applicants when the offer is filled, one notice per application', () => {
    const notices = offerFilledNotices(
      [
        { userId: 'c2', applicationId: 'a2' },
        { userId: 'c3', applicationId: 'a3' },
      ],
      { offerTitle, organizationName: 'Boulangerie Soleil' },
    );
    expect(notices.map((n) => [n.recipientUserId, n.subjectId, n.kind])).toEqual([
      ['c2', 'a2', NoticeKind.OFFER_FILLED],
      ['c3', 'a3', NoticeKind.OFFER_FILLED],
    ]);
    expect(notices[0].title).toBe('“Boulanger en alternance” has been filled');
  });
});
