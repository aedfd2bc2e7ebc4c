import { MAX_MAIL_ATTEMPTS, nextMailAttempt, noticeMail } from './mail-delivery';

describe('mail delivery', () => {
  const now = new Date('2026-11-23T09:00:00Z');
  const after = (attempts: number) => {
    const next = nextMailAttempt(now, attempts);
    return next ? (next.getTime() - now.getTime()) / 60_000 : null;
  };

  it('retries after 1 minute, then doubles the wait up to 6 hours, then gives up', () => {
    expect([1, 2, 3, 4].map(after)).toEqual([1, 2, 4, 8]);
    expect(after(9)).toBe(256);
    expect(after(MAX_MAIL_ATTEMPTS - 1)).toBeLessThanOrEqual(360);
    expect(after(MAX_MAIL_ATTEMPTS)).toBeNull();
  });

  it('mails the notice title as subject and its body as text', () => {
    const mail = noticeMail('a@example.test', { title: 'Hello', body: 'Line 1\nLine 2' });
    expect(mail).toMatchObject({ to: 'a@example.test', subject: 'Hello' });
    expect(mail.text.startsWith('Line 1\nLine 2\n')).toBe(true);
  });
});
