import { retentionSchedule, retentionStep } from './retention';

const at = (iso: string) => new Date(iso);

describe('retention of inactive candidate accounts', () => {
  const lastActive = at('2024-03-10T15:00:00Z');

  it('erases on the day two years after the last activity and warns 30 days before', () => {
    expect(retentionSchedule(lastActive)).toEqual({ warnOn: at('2026-02-08T00:00:00Z'), eraseOn: at('2026-03-10T00:00:00Z') });
    // 29 February has no anniversary: the last day of February stands in.
    expect(retentionSchedule(at('2024-02-29T08:00:00Z')).eraseOn).toEqual(at('2026-02-28T00:00:00Z'));
  });

  it('does nothing the day before the warning, warns once on the warning day', () => {
    expect(retentionStep(at('2026-02-07T23:59:59Z'), lastActive, null)).toEqual({ kind: 'NONE' });
    expect(retentionStep(at('2026-02-08T00:00:00Z'), lastActive, null)).toEqual({ kind: 'WARN', eraseOn: at('2026-03-10T00:00:00Z') });
    expect(retentionStep(at('2026-02-08T18:00:00Z'), lastActive, at('2026-02-08T00:00:00Z'))).toEqual({ kind: 'NONE' });
  });

  it('erases on the erasure day, not the day before', () => {
    const warned = at('2026-02-08T00:00:05Z');
    expect(retentionStep(at('2026-03-09T23:59:59Z'), lastActive, warned)).toEqual({ kind: 'NONE' });
    expect(retentionStep(at('2026-03-10T00:00:00Z'), lastActive, warned)).toEqual({ kind: 'ERASE' });
  });

  it('starts over when the person comes back: an older warning no longer counts', () => {
    const back = at('2026-02-20T10:00:00Z');
    expect(retentionStep(at('2026-03-10T00:00:00Z'), back, at('2026-02-08T00:00:00Z'))).toEqual({ kind: 'NONE' });
    expect(retentionSchedule(back).eraseOn).toEqual(at('2028-02-20T00:00:00Z'));
  });

  it('never erases sooner than 30 days after the warning, even when the job ran late', () => {
    const late = at('2026-03-15T06:00:00Z');
    expect(retentionStep(late, lastActive, null)).toEqual({ kind: 'WARN', eraseOn: at('2026-04-14T00:00:00Z') });
    expect(retentionStep(at('2026-04-13T23:59:59Z'), lastActive, late)).toEqual({ kind: 'NONE' });
    expect(retentionStep(at('2026-04-14T00:00:00Z'), lastActive, late)).toEqual({ kind: 'ERASE' });
  });
});
