import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Notice, Role } from '@alternance/platform/domain';
import { NOTICE_BOARD, NoticeBoard } from '@alternance/platform/data-access';
import { UserEntity } from '@alternance/identity/data-access';

/**
 * The notice board as this context uses it. The board is optional: without the notifications
 * context nothing is posted, and applications work the same.
 */
@Injectable()
export class ApplicationNotices {
  constructor(@Optional() @Inject(NOTICE_BOARD) private readonly board?: NoticeBoard) {}

  /** Call before the flush that writes the event: the notices commit with it. */
  post(em: EntityManager, notices: readonly Notice[]): void {
    if (notices.length) this.board?.post(em, notices);
  }

  /** Call after that flush committed. */
  async committed(): Promise<void> {
    await this.board?.noticesCommitted();
  }

  /** The accounts of an organization's employers: who hears about its offers' applications. */
  async employerUserIds(em: EntityManager, organizationId: string): Promise<string[]> {
    const users = await em.find(UserEntity, { organization: organizationId, role: Role.EMPLOYER }, { fields: ['id'], orderBy: { createdAt: 'asc', id: 'asc' } });
    return users.map((u) => u.id);
  }
}
