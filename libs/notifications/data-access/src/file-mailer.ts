import { randomUUID } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { MailMessage } from '@alternance/notifications/domain';
import { Mailer } from './mailer';

export const MAIL_FILE = 'mail.jsonl';

/** One line of the mail file. */
export interface FiledMail extends MailMessage {
  id: string;
  from: string;
  date: string;
}

/**
 * The default mailer, for development and tests: each message becomes one JSON line of
 * `DATA_DIR/mail/mail.jsonl`. The log line names the message id only (no address, no text).
 */
export class FileMailer implements Mailer {
  constructor(
    private readonly dir: string,
    private readonly from: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  get file(): string {
    return path.join(this.dir, MAIL_FILE);
  }

  async send(message: MailMessage): Promise<void> {
    const mail: FiledMail = { id: randomUUID(), date: new Date().toISOString(), from: this.from, to: message.to, subject: message.subject, text: message.text };
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    // One write with O_APPEND per message: concurrent senders never interleave lines.
    await appendFile(this.file, `${JSON.stringify(mail)}\n`, { encoding: 'utf8', mode: 0o600 });
    this.log(`mail ${mail.id} written to ${this.file}`);
  }
}
