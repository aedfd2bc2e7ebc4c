import { NotificationEntity } from '@alternance/notifications/data-access';
import { Notification, NotificationSubjectType } from './notification.model';

export function toNotification(n: NotificationEntity): Notification {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    subjectType: n.subjectType as NotificationSubjectType,
    subjectId: n.subjectId,
    createdAt: n.createdAt,
    readAt: n.readAt,
    read: n.readAt !== null,
  };
}
