/** Sending stops after this many failed attempts; the notice stays in the inbox. */
export const MAX_MAIL_ATTEMPTS = 10;
/** A sender claims a mail for this long: if it dies mid-send, another run sends it again. */
export const MAIL_CLAIM_MS = 10 * 60_000;

const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 3_600_000;

/**
 * When to try again after the `attempts`-th failure: 1 minute, then doubling up to 6 hours;
 * null once the attempts are used up.
 */
export function nextMailAttempt(now: Date, attempts: number): Date | null {
  if (attempts >= MAX_MAIL_ATTEMPTS) return null;
  const delay = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
  return new Date(now.getTime() + delay);
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** The mail for a notice: its title as subject, its body and a short footer as text. */
export function noticeMail(to: string, notice: { title: string; body: string }): MailMessage {
  return {
    to,
    subject: notice.title,
    text: `${notice.body}\n\n--\nAlternance. You get this mail because of your account; every notice is also in your inbox.\n`,
  };
}
