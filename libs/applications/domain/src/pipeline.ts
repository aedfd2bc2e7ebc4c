import { ConflictException, DomainException, InvalidInputException } from '@alternance/platform/domain';
import { OfferStatus } from '@alternance/offers/domain';

/** Where an application is. SUBMITTED → IN_REVIEW → INTERVIEW → OFFERED → HIRED, or REJECTED / WITHDRAWN. */
export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  IN_REVIEW = 'IN_REVIEW',
  INTERVIEW = 'INTERVIEW',
  OFFERED = 'OFFERED',
  HIRED = 'HIRED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** Why an employer turned an application down; told to the candidate in these words. */
export enum RejectionReason {
  SKILLS_MISMATCH = 'SKILLS_MISMATCH',
  EXPERIENCE_MISMATCH = 'EXPERIENCE_MISMATCH',
  AVAILABILITY_MISMATCH = 'AVAILABILITY_MISMATCH',
  LOCATION_MISMATCH = 'LOCATION_MISMATCH',
  POSITION_FILLED = 'POSITION_FILLED',
  NO_RESPONSE = 'NO_RESPONSE',
  OTHER = 'OTHER',
}

/** Who moves an application: the employer side (the offer's organization or staff), or the candidate. */
export enum Party {
  EMPLOYER = 'EMPLOYER',
  CANDIDATE = 'CANDIDATE',
}

const S = ApplicationStatus;

/**
 * The transition table. Employers move forward (skipping a step is allowed where recruiters
 * do it: straight to an interview, or an offer after review) or reject; only the candidate
 * withdraws, from any open status. HIRED, REJECTED and WITHDRAWN are final.
 */
const MOVES: Record<Party, Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  [Party.EMPLOYER]: {
    [S.SUBMITTED]: [S.IN_REVIEW, S.INTERVIEW, S.REJECTED],
    [S.IN_REVIEW]: [S.INTERVIEW, S.OFFERED, S.REJECTED],
    [S.INTERVIEW]: [S.OFFERED, S.REJECTED],
    [S.OFFERED]: [S.HIRED, S.REJECTED],
    [S.HIRED]: [],
    [S.REJECTED]: [],
    [S.WITHDRAWN]: [],
  },
  [Party.CANDIDATE]: {
    [S.SUBMITTED]: [S.WITHDRAWN],
    [S.IN_REVIEW]: [S.WITHDRAWN],
    [S.INTERVIEW]: [S.WITHDRAWN],
    [S.OFFERED]: [S.WITHDRAWN],
    [S.HIRED]: [],
    [S.REJECTED]: [],
    [S.WITHDRAWN]: [],
  },
};

export const OPEN_STATUSES: readonly ApplicationStatus[] = [S.SUBMITTED, S.IN_REVIEW, S.INTERVIEW, S.OFFERED];

/**
 * What `Offer.applicationsCount` counts: every application received and not withdrawn by its
 * candidate (rejected and hired ones included: they were received).
 */
export const COUNTED_STATUSES: readonly ApplicationStatus[] = Object.values(S).filter((s) => s !== S.WITHDRAWN);

export function isOpen(status: ApplicationStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function allowedMoves(from: ApplicationStatus, by: Party): ApplicationStatus[] {
  return [...MOVES[by][from]];
}

export function canMove(from: ApplicationStatus, to: ApplicationStatus, by: Party): boolean {
  return MOVES[by][from].includes(to);
}

/**
 * Why a move is refused, or null when it may happen. A rejection needs its reason, and only a
 * rejection takes one. The refusal names the moves that are allowed from here.
 */
export function checkMove(from: ApplicationStatus, to: ApplicationStatus, by: Party, rejectionReason?: RejectionReason | null): DomainException | null {
  if (!canMove(from, to, by)) {
    const allowed = allowedMoves(from, by);
    const hint = by === Party.EMPLOYER && to === S.WITHDRAWN ? ' (only the candidate withdraws an application)' : '';
    return InvalidInputException.field(
      'status',
      `a ${from} application cannot move to ${to}${hint}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`,
      'ILLEGAL_STATUS_CHANGE',
    );
  }
  if (to === S.REJECTED && !rejectionReason) {
    return InvalidInputException.field('rejectionReason', 'is required to reject an application', 'REJECTION_REASON_REQUIRED');
  }
  if (to !== S.REJECTED && rejectionReason) {
    return InvalidInputException.field('rejectionReason', 'applies to REJECTED only');
  }
  return null;
}

/** Applications and invitations need a live offer: PUBLISHED and not past its expiry. */
export function offerClosedRefusal(status: OfferStatus, expiresAt: Date | null, now: Date): DomainException | null {
  if (status !== OfferStatus.PUBLISHED) return new ConflictException(`This offer is ${status}: it takes no applications or invitations.`, 'OFFER_NOT_OPEN');
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    return new ConflictException(`This offer expired on ${expiresAt.toISOString().slice(0, 10)}: it takes no applications or invitations.`, 'OFFER_EXPIRED');
  }
  return null;
}
