import { ArgsType, Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { NoticeKind, NoticeSubjectType } from '@alternance/platform/domain';
import { PageArgs, PageInfo } from '@alternance/platform/nest';

registerEnumType(NoticeKind, {
  name: 'NoticeKind',
  description: 'What a notification tells.',
  valuesMap: {
    APPLICATION_RECEIVED: { description: 'A candidate applied to one of your offers.' },
    APPLICATION_STATUS_CHANGED: { description: 'Your application moved on (or was withdrawn).' },
    INVITATION_RECEIVED: { description: 'An employer invited you to apply.' },
    INVITATION_ANSWERED: { description: 'A candidate answered your invitation.' },
    OFFER_EXPIRING: { description: 'Your offer leaves the job board soon (7 days, then 1 day before).' },
    OFFER_FILLED: { description: 'An offer was filled.' },
    OFFER_EXPIRED: { description: 'Your offer reached its end date and was closed.' },
    SAVED_SEARCH_DIGEST: { description: 'New offers for your saved searches (at most one a day).' },
    RETENTION_WARNING: { description: 'Your unused account will be deleted in 30 days unless you log in.' },
    MENTOR_ASSIGNED: { description: 'You have a new mentee, or a new mentor.' },
    OUTCOME_QUESTION: { description: 'Six months after your apprenticeship: are you employed, and how? One click answers.' },
  },
});

/** Mirrors the platform's subject types, so the API can list them. */
export enum NotificationSubjectType {
  OFFER = 'OFFER',
  APPLICATION = 'APPLICATION',
  INVITATION = 'INVITATION',
  SAVED_SEARCH = 'SAVED_SEARCH',
  ACCOUNT = 'ACCOUNT',
}
// `satisfies` keeps the two lists equal: a new platform subject type fails the type check here.
registerEnumType(NotificationSubjectType satisfies Record<NoticeSubjectType, NoticeSubjectType>, { name: 'NotificationSubjectType', description: 'What a notification is about (see `subjectId`).' });

@ObjectType({ description: 'A notice in your inbox; each is also sent by mail.' })
@Directive('@shareable')
export class Notification {
  @Field(() => ID, { description: 'Notification id.' })
  id!: string;

  @Field(() => NoticeKind, { description: 'What it tells.' })
  kind!: NoticeKind;

  @Field({ description: 'One line; also the mail subject.' })
  title!: string;

  @Field({ description: 'A few plain-text lines; also the mail text.' })
  body!: string;

  @Field(() => NotificationSubjectType, { description: 'What it is about.' })
  subjectType!: NotificationSubjectType;

  @Field(() => ID, { description: 'Id of the offer, application, invitation, saved search or account it is about.' })
  subjectId!: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was posted.' })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When you marked it read; null while unread.' })
  readAt!: Date | null;

  @Field({ description: 'True once read.' })
  read!: boolean;
}

@ObjectType({ description: 'One notification in a list, with its cursor.' })
@Directive('@shareable')
export class NotificationEdge {
  @Field({ description: 'Opaque position of this item: pass it as `after`.' })
  cursor!: string;

  @Field(() => Notification, { description: 'The notification.' })
  node!: Notification;
}

@ObjectType({ description: 'A page of your notifications, newest first.' })
export class NotificationConnection {
  @Field(() => [NotificationEdge], { description: 'The items of this page.' })
  edges!: NotificationEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many notifications the list has (unread ones only with `unreadOnly`).' })
  totalCount!: number;

  @Field(() => Int, { description: 'How many of all your notifications are unread.' })
  unreadCount!: number;
}

@ArgsType()
export class MyNotificationsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only unread notifications (default false).' })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean;
}
