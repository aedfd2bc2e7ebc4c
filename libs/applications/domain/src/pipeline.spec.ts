import { DomainException, ErrorCode } from '@alternance/platform/domain';
import { OfferStatus } from '@alternance/offers/domain';
import { ApplicationStatus as S, COUNTED_STATUSES, OPEN_STATUSES, Party, RejectionReason, allowedMoves, canMove, checkMove, isOpen, offerClosedRefusal } from './pipeline';

/** Every legal move, written out independently of the table it checks. */
const LEGAL = new Set([
  'EMPLOYER SUBMITTED→IN_REVIEW',
  'EMPLOYER SUBMITTED→INTERVIEW',
  'EMPLOYER SUBMITTED→REJECTED',
  'EMPLOYER IN_REVIEW→INTERVIEW',
  'EMPLOYER IN_REVIEW→OFFERED',
  'EMPLOYER IN_REVIEW→REJECTED',
  'EMPLOYER INTERVIEW→OFFERED',
  'EMPLOYER INTERVIEW→REJECTED',
  'EMPLOYER OFFERED→HIRED',
  'EMPLOYER OFFERED→REJECTED',
  'CANDIDATE SUBMITTED→WITHDRAWN',
  'CANDIDATE IN_REVIEW→WITHDRAWN',
  'CANDIDATE INTERVIEW→WITHDRAWN',
  'CANDIDATE OFFERED→WITHDRAWN',
]);

const ALL = Object.values(S);
const every = Object.values(Party).flatMap((by) => ALL.flatMap((from) => ALL.map((to) => [by, from, to] as const)));

describe('application pipeline', () => {
  it.each(every)('%s: %s → %s is legal exactly when listed', (by, from, to) => {
    const legal = LEGAL.has(`${by} ${from}→${to}`);
    expect(canMove(from, to, by)).toBe(legal);
    expect(allowedMoves(from, by).includes(to)).toBe(legal);
    const reason = to === S.REJECTED ? RejectionReason.SKILLS_MISMATCH : null;
    const refusal = checkMove(from, to, by, reason);
    if (legal) {
      expect(refusal).toBeNull();
    } else {
      expect(refusal).toBeInstanceOf(DomainException);
      expect(refusal).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, reason: 'ILLEGAL_STATUS_CHANGE', fields: [{ path: 'status' }] });
    }
  });

  it('names the allowed moves when it refuses one', () => {
    const refusal = checkMove(S.IN_REVIEW, S.HIRED, Party.EMPLOYER);
    expect(refusal?.message).toContain('allowed: INTERVIEW, OFFERED, REJECTED');
    expect(checkMove(S.HIRED, S.REJECTED, Party.EMPLOYER, RejectionReason.OTHER)?.message).toContain('allowed: none');
    expect(checkMove(S.SUBMITTED, S.WITHDRAWN, Party.EMPLOYER)?.message).toContain('only the candidate withdraws');
  });

  it('keeps HIRED, REJECTED and WITHDRAWN final for both sides', () => {
    for (const end of [S.HIRED, S.REJECTED, S.WITHDRAWN]) {
      expect(allowedMoves(end, Party.EMPLOYER)).toEqual([]);
      expect(allowedMoves(end, Party.CANDIDATE)).toEqual([]);
      expect(isOpen(end)).toBe(false);
    }
    expect(OPEN_STATUSES).toEqual([S.SUBMITTED, S.IN_REVIEW, S.INTERVIEW, S.OFFERED]);
  });

  it('requires a reason to reject, and refuses one for anything else', () => {
    expect(checkMove(S.SUBMITTED, S.REJECTED, Party.EMPLOYER)).toMatchObject({ reason: 'REJECTION_REASON_REQUIRED', fields: [{ path: 'rejectionReason' }] });
    expect(checkMove(S.SUBMITTED, S.IN_REVIEW, Party.EMPLOYER, RejectionReason.OTHER)).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, fields: [{ path: 'rejectionReason' }] });
    expect(checkMove(S.SUBMITTED, S.REJECTED, Party.EMPLOYER, RejectionReason.POSITION_FILLED)).toBeNull();
  });

  it('counts every application but withdrawn ones', () => {
    expect([...COUNTED_STATUSES].sort()).toEqual([S.HIRED, S.IN_REVIEW, S.INTERVIEW, S.OFFERED, S.REJECTED, S.SUBMITTED].sort());
  });

  it('takes applications on published, unexpired offers only', () => {
    const now = new Date('2026-11-23T09:00:00Z');
    expect(offerClosedRefusal(OfferStatus.PUBLISHED, new Date('2026-11-23T09:00:01Z'), now)).toBeNull();
    expect(offerClosedRefusal(OfferStatus.PUBLISHED, null, now)).toBeNull();
    expect(offerClosedRefusal(OfferStatus.PUBLISHED, now, now)).toMatchObject({ code: ErrorCode.CONFLICT, reason: 'OFFER_EXPIRED' });
    for (const status of [OfferStatus.DRAFT, OfferStatus.FILLED, OfferStatus.CLOSED]) {
      expect(offerClosedRefusal(status, null, now)).toMatchObject({ code: ErrorCode.CONFLICT, reason: 'OFFER_NOT_OPEN' });
    }
  });
});
