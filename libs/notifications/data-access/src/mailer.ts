import { MailMessage } from '@alternance/notifications/domain';

/** Sends one mail; throws when it could not be handed over (the dispatcher retries). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close?(): Promise<void>;
}

export const MAILER = Symbol('MAILER');
