import { FieldError } from '@alternance/platform/domain';

/** An offer asks at most this many screening questions, each this long at most. */
export const MAX_SCREENING_QUESTIONS = 3;
export const MAX_SCREENING_QUESTION_LENGTH = 300;
export const MAX_SCREENING_ANSWER_LENGTH = 2000;

/** A question as it was asked, kept with its answer: the offer's questions may change later. */
export interface ScreeningAnswer {
  question: string;
  answer: string;
}

/** One answer per question, in the questions' order, none blank or too long. */
export function checkAnswers(questions: readonly string[], answers: readonly string[] | null | undefined, path = 'answers'): FieldError[] {
  const given = answers ?? [];
  if (!questions.length) {
    return given.length ? [{ path, message: 'this offer asks no screening questions: leave answers out' }] : [];
  }
  if (given.length !== questions.length) {
    return [{ path, message: `give one answer per screening question, in order (${questions.length} expected, ${given.length} given)` }];
  }
  const errors: FieldError[] = [];
  given.forEach((answer, i) => {
    if (!answer.trim()) errors.push({ path: `${path}[${i}]`, message: 'must not be blank' });
    else if (answer.length > MAX_SCREENING_ANSWER_LENGTH) errors.push({ path: `${path}[${i}]`, message: `must be at most ${MAX_SCREENING_ANSWER_LENGTH} characters` });
  });
  return errors;
}

/** Pairs checked answers with their questions. */
export function pairAnswers(questions: readonly string[], answers: readonly string[] | null | undefined): ScreeningAnswer[] {
  return questions.map((question, i) => ({ question, answer: (answers?.[i] ?? '').trim() }));
}
