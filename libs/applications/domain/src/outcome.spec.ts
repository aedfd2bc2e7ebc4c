import { OutcomeKind, addMonths, checkOutcomeAnswer, outcomeQuestionDay, outcomeQuestionNotice, plannedEnd } from './outcome';

describe('outcome follow-up', () => {
  it('adds months, clamping the day to the month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
    expect(addMonths('2027-06-30', 18)).toBe('2028-12-30');
  });

  it('starts on the later of the hire day and the earliest start, for the longest training path or 12 months', () => {
    expect(plannedEnd('2026-11-23', '2027-01-04', [])).toBe('2028-01-04');
    expect(plannedEnd('2027-02-10', '2027-01-04', [])).toBe('2028-02-10');
    expect(plannedEnd('2026-11-23', '2027-01-04', [6, 18, 12])).toBe('2028-07-04');
    expect(outcomeQuestionDay('2028-01-04')).toBe('2028-07-04');
  });

  it('accepts coherent answers only', () => {
    expect(checkOutcomeAnswer(true, OutcomeKind.CDI)).toEqual([]);
    expect(checkOutcomeAnswer(false, null)).toEqual([]);
    expect(checkOutcomeAnswer(false, OutcomeKind.FURTHER_STUDY)).toEqual([]);
    expect(checkOutcomeAnswer(true, null)[0].path).toBe('kind');
    expect(checkOutcomeAnswer(true, OutcomeKind.FURTHER_STUDY)[0].path).toBe('kind');
    expect(checkOutcomeAnswer(false, OutcomeKind.CDD)[0].path).toBe('kind');
  });

  it('asks with one link per answer and names nothing private', () => {
    const notice = outcomeQuestionNotice({ recipientUserId: 'u1', applicationId: 'a1', offerTitle: 'Boulanger', link: (e, k) => `https://x/suivi/T?employed=${e}&kind=${k}` });
    expect(notice.body.match(/https:\/\/x\/suivi\/T/g)).toHaveLength(7);
    expect(notice).toMatchObject({ recipientUserId: 'u1', subjectType: 'APPLICATION', subjectId: 'a1' });
    expect(notice.aboutUserId).toBeUndefined();
  });
});
