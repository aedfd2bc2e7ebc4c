import { checkAnswers, pairAnswers } from './screening';

describe('screening answers', () => {
  const questions = ['Why this job?', 'Do you have a driving licence?'];

  it('wants one answer per question, in order', () => {
    expect(checkAnswers(questions, ['Because.', 'Yes'])).toEqual([]);
    expect(checkAnswers(questions, undefined)).toEqual([{ path: 'answers', message: expect.stringContaining('2 expected, 0 given') }]);
    expect(checkAnswers(questions, ['Because.'])).toEqual([{ path: 'answers', message: expect.stringContaining('2 expected, 1 given') }]);
    expect(checkAnswers(questions, ['Because.', '  '])).toEqual([{ path: 'answers[1]', message: 'must not be blank' }]);
    expect(checkAnswers(questions, ['x'.repeat(2001), 'Yes'])).toEqual([{ path: 'answers[0]', message: expect.stringContaining('2000') }]);
  });

  it('refuses answers to an offer that asks nothing', () => {
    expect(checkAnswers([], null)).toEqual([]);
    expect(checkAnswers([], [])).toEqual([]);
    expect(checkAnswers([], ['Hello'])).toHaveLength(1);
  });

  it('keeps each question with its trimmed answer', () => {
    expect(pairAnswers(questions, [' Because. ', 'Yes'])).toEqual([
      { question: 'Why this job?', answer: 'Because.' },
      { question: 'Do you have a driving licence?', answer: 'Yes' },
    ]);
  });
});
