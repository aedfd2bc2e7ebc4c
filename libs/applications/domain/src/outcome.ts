import { FieldError, Notice, NoticeKind } from '@alternance/platform/domain';

/**
 * The outcome follow-up: six months after a hire's planned end, the apprentice is asked whether
 * they are employed and how, through a signed link (no sign-in).
 *
 * Planned end: the apprenticeship starts on the later of the hire day and the offer's earliest
 * start, and lasts as long as the longest training path the offer names (6 to 18 months), or
 * 12 months when it names none. The question is asked on the day six months after that end.
 */
export enum OutcomeKind {
  /** Permanent contract. */
  CDI = 'CDI',
  /** Fixed-term contract. */
  CDD = 'CDD',
  /** A further apprenticeship or professionalisation contract. */
  APPRENTICESHIP = 'APPRENTICESHIP',
  FURTHER_STUDY = 'FURTHER_STUDY',
  SELF_EMPLOYED = 'SELF_EMPLOYED',
  OTHER = 'OTHER',
}

/** Kinds that are work: an answer "employed" names one of these. */
export const EMPLOYED_KINDS: readonly OutcomeKind[] = [OutcomeKind.CDI, OutcomeKind.CDD, OutcomeKind.APPRENTICESHIP, OutcomeKind.SELF_EMPLOYED, OutcomeKind.OTHER];
/** Kinds an answer "not employed" may name (or none). */
export const NOT_EMPLOYED_KINDS: readonly OutcomeKind[] = [OutcomeKind.FURTHER_STUDY, OutcomeKind.OTHER];

export const OUTCOME_DELAY_MONTHS = 6;
export const DEFAULT_TRAINING_MONTHS = 12;
/** How long the link in the question stays valid. */
export const OUTCOME_LINK_DAYS = 60;

/** `day` (YYYY-MM-DD) plus `months`, the day of month clamped to the target month's length. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The planned end of a hire (see above): `hiredDay` and `startEarliest` are YYYY-MM-DD. */
export function plannedEnd(hiredDay: string, startEarliest: string, trainingMonths: readonly number[]): string {
  const start = hiredDay > startEarliest ? hiredDay : startEarliest;
  const months = trainingMonths.length ? Math.max(...trainingMonths) : DEFAULT_TRAINING_MONTHS;
  return addMonths(start, months);
}

/** The day the apprentice is asked: six months after the planned end. */
export function outcomeQuestionDay(end: string): string {
  return addMonths(end, OUTCOME_DELAY_MONTHS);
}

/** An answer must be coherent: employed names a kind of work; not employed names further study, other, or nothing. */
export function checkOutcomeAnswer(employed: boolean, kind: OutcomeKind | null | undefined): FieldError[] {
  if (employed) {
    if (!kind) return [{ path: 'kind', message: 'is required when employed: CDI, CDD, APPRENTICESHIP, SELF_EMPLOYED or OTHER' }];
    if (!EMPLOYED_KINDS.includes(kind)) return [{ path: 'kind', message: `${kind} is not a kind of employment` }];
  } else if (kind && !NOT_EMPLOYED_KINDS.includes(kind)) {
    return [{ path: 'kind', message: `${kind} is a kind of employment: answer employed: true, or name FURTHER_STUDY or OTHER` }];
  }
  return [];
}

/** The question, in the apprentice's inbox and by mail, with one link per answer. */
export function outcomeQuestionNotice(input: { recipientUserId: string; applicationId: string; offerTitle: string; link: (employed: boolean, kind: OutcomeKind | null) => string }): Notice {
  const choices: [string, boolean, OutcomeKind | null][] = [
    ['Employed on a permanent contract (CDI)', true, OutcomeKind.CDI],
    ['Employed on a fixed-term contract (CDD)', true, OutcomeKind.CDD],
    ['On another apprenticeship or professionalisation contract', true, OutcomeKind.APPRENTICESHIP],
    ['Self-employed', true, OutcomeKind.SELF_EMPLOYED],
    ['Employed otherwise', true, OutcomeKind.OTHER],
    ['Studying', false, OutcomeKind.FURTHER_STUDY],
    ['Not employed', false, null],
  ];
  return {
    recipientUserId: input.recipientUserId,
    kind: NoticeKind.OUTCOME_QUESTION,
    title: 'Six months on: where are you now?',
    body: [
      `Six months after your apprenticeship (${input.offerTitle}), are you employed? One click answers, no sign-in needed:`,
      ...choices.map(([label, employed, kind]) => `- ${label}: ${input.link(employed, kind)}`),
      `The links work for ${OUTCOME_LINK_DAYS} days; a later click replaces your answer. Answers are only counted in aggregate.`,
    ].join('\n'),
    subjectType: 'APPLICATION',
    subjectId: input.applicationId,
  };
}
