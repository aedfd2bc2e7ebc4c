import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { CLOCK, Clock, NotFoundException, Page, Viewer, isUuid, pageRequest } from '@alternance/platform/domain';
import { NotificationEntity } from '@alternance/notifications/data-access';

/** A person's inbox. Another person's notification does not exist for them (NOT_FOUND). */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(viewer: Viewer, first: number | undefined, after: string | undefined, unreadOnly: boolean): Promise<Page<NotificationEntity> & { unreadCount: number }> {
    const page = pageRequest(first, after);
    const where = unreadOnly ? { recipient: viewer.userId, readAt: null } : { recipient: viewer.userId };
    const [items, totalCount] = await this.em.findAndCount(NotificationEntity, where, {
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: page.limit,
      offset: page.offset,
    });
    const unreadCount = unreadOnly ? totalCount : await this.em.count(NotificationEntity, { recipient: viewer.userId, readAt: null });
    return { items, totalCount, offset: page.offset, limit: page.limit, unreadCount };
  }

  async markRead(viewer: Viewer, id: string): Promise<NotificationEntity> {
    const notification = isUuid(id) ? await this.em.findOne(NotificationEntity, { id, recipient: viewer.userId }) : null;
    if (!notification) throw new NotFoundException('Notification', id);
    if (!notification.readAt) {
      notification.readAt = this.clock.now();
      await this.em.flush();
    }
    return notification;
  }

  /** Marks every unread notification read; returns how many were. */
  async markAllRead(viewer: Viewer): Promise<number> {
    return this.em.nativeUpdate(NotificationEntity, { recipient: viewer.userId, readAt: null }, { readAt: this.clock.now() });
  }
}
