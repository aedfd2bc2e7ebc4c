import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Viewer } from '@alternance/platform/domain';
import { Authenticated, CurrentViewer, toConnection } from '@alternance/platform/nest';
import { MyNotificationsArgs, Notification, NotificationConnection, toNotification } from '@alternance/notifications/graphql';
import { NotificationsService } from './notifications.service';

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Authenticated()
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first, with how many are unread.' })
  async myNotifications(@CurrentViewer() viewer: Viewer, @Args() args: MyNotificationsArgs): Promise<NotificationConnection> {
    const page = await this.notifications.list(viewer, args.first, args.after, args.unreadOnly ?? false);
    return { ...toConnection(page, toNotification), unreadCount: page.unreadCount };
  }

  @Authenticated()
  @Mutation(() => Notification, { description: 'Mark one of your notifications read (NOT_FOUND for anyone else’s).' })
  async markNotificationRead(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID, description: 'Notification id.' }) id: string) {
    return toNotification(await this.notifications.markRead(viewer, id));
  }

  @Authenticated()
  @Mutation(() => Int, { description: 'Mark all your notifications read; returns how many were unread.' })
  async markAllNotificationsRead(@CurrentViewer() viewer: Viewer) {
    return this.notifications.markAllRead(viewer);
  }
}
