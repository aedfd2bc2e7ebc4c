import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { CLOCK, Clock, Notice } from '@alternance/platform/domain';
import { NoticeBoard } from '@alternance/platform/data-access';
import { UserEntity } from '@alternance/identity/data-access';
import { NotificationEntity } from '@alternance/notifications/data-access';
import { MailDispatcher } from '../mail/mail-dispatcher';

const MAX_TITLE = 300;

/** The platform's notice board: one inbox row per notice, in the caller's unit of work. */
@Injectable()
export class NotificationNoticeBoard implements NoticeBoard {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly mail: MailDispatcher,
  ) {}

  post(em: EntityManager, notices: readonly Notice[]): void {
    const now = this.clock.now();
    for (const notice of notices) {
      em.persist(
        Object.assign(new NotificationEntity(), {
          recipient: em.getReference(UserEntity, notice.recipientUserId, { wrapped: true }),
          kind: notice.kind,
          title: notice.title.length > MAX_TITLE ? `${notice.title.slice(0, MAX_TITLE - 1)}…` : notice.title,
          body: notice.body,
          subjectType: notice.subjectType,
          subjectId: notice.subjectId,
          aboutUserId: notice.aboutUserId ?? null,
          createdAt: now,
          mailNextAttemptAt: now,
        }),
      );
    }
  }

  async noticesCommitted(): Promise<void> {
    this.mail.kick();
  }
}
