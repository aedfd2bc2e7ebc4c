import { AppConfig } from '@alternance/platform/nest';
import { FileMailer, Mailer, SmtpMailer } from '@alternance/notifications/data-access';
import { JobLog } from '../log';

/** SMTP when SMTP_URL is set, else the mail file under DATA_DIR/mail. */
export function createMailer(config: Pick<AppConfig, 'mail'>, log: JobLog): Mailer {
  const mail = config.mail;
  return mail.transport === 'smtp' ? new SmtpMailer(mail.url, mail.from) : new FileMailer(mail.dir, mail.from, log.info);
}
