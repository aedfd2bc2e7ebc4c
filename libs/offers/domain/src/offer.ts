import { FieldError } from '@alternance/platform/domain';

export { isCalendarDate } from '@alternance/platform/domain';

export enum ContractType {
  APPRENTICESHIP = 'APPRENTICESHIP',
  PROFESSIONALISATION = 'PROFESSIONALISATION',
  /** Préparation opérationnelle à l'emploi individuelle: training, then a promised hire. */
  POEI = 'POEI',
  /** POE collective: training for a sector, no hire promise. */
  POEC = 'POEC',
}

/** The job a POEI leads to. */
export enum HireContractType {
  CDI = 'CDI',
  CDD = 'CDD',
  PROFESSIONALISATION = 'PROFESSIONALISATION',
  APPRENTICESHIP = 'APPRENTICESHIP',
}

export enum RemotePolicy {
  ONSITE = 'ONSITE',
  HYBRID = 'HYBRID',
  REMOTE = 'REMOTE',
}

export enum OfferStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  FILLED = 'FILLED',
  CLOSED = 'CLOSED',
}

export enum SalaryPeriod {
  MONTH = 'MONTH',
  YEAR = 'YEAR',
  HOUR = 'HOUR',
}

/** An offer stays on the board this many days after publishing (OFFER_TTL_DAYS) unless told otherwise. */
export const DEFAULT_OFFER_TTL_DAYS = 60;

const DAY_MS = 86_400_000;

export interface StartWindow {
  earliest: string;
  latest: string;
}

export interface HireContract {
  type: HireContractType;
  durationMonths?: number | null;
}

export function checkStartWindow(window: StartWindow, path = 'startDate'): FieldError[] {
  if (window.earliest > window.latest) {
    return [{ path: `${path}.latest`, message: 'must not be before the earliest start date' }];
  }
  return [];
}

/**
 * Only a POEI promises a job, so only a POEI carries a hire contract; a fixed-term one needs
 * its length. (Whether that length is long enough is an eligibility rule of the matcher.)
 */
export function checkHireContract(contractType: ContractType, hire: HireContract | null | undefined, path = 'hireContract'): FieldError[] {
  if (contractType === ContractType.POEI) {
    if (!hire) return [{ path, message: 'is required for a POEI offer: the job the training leads to' }];
    if (hire.type !== HireContractType.CDI && !hire.durationMonths) {
      return [{ path: `${path}.durationMonths`, message: `is required for a ${hire.type} hire contract` }];
    }
    return [];
  }
  if (hire) return [{ path, message: `applies to POEI offers only, not ${contractType}` }];
  return [];
}

export function checkSalary(min: number | null | undefined, max: number | null | undefined, path = 'salary'): FieldError[] {
  if (min != null && max != null && min > max) return [{ path: `${path}.max`, message: 'must not be below the minimum' }];
  return [];
}

/** Which status changes an employer may ask for; FILLED is reached through hiring only. */
const TRANSITIONS: Record<OfferStatus, OfferStatus[]> = {
  [OfferStatus.DRAFT]: [OfferStatus.PUBLISHED, OfferStatus.CLOSED],
  [OfferStatus.PUBLISHED]: [OfferStatus.CLOSED, OfferStatus.FILLED],
  [OfferStatus.FILLED]: [OfferStatus.CLOSED],
  [OfferStatus.CLOSED]: [],
};

export function canMove(from: OfferStatus, to: OfferStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedMoves(from: OfferStatus): OfferStatus[] {
  return [...TRANSITIONS[from]];
}

/** Drafts and live offers can be edited; a closed or filled one is history. */
export function isEditable(status: OfferStatus): boolean {
  return status === OfferStatus.DRAFT || status === OfferStatus.PUBLISHED;
}

/** The instant a published offer leaves the board: `ttlDays` whole days after publishing. */
export function defaultExpiry(publishedAt: Date, ttlDays = DEFAULT_OFFER_TTL_DAYS): Date {
  return new Date(publishedAt.getTime() + ttlDays * DAY_MS);
}
