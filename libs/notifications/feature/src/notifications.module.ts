import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { NOTICE_BOARD } from '@alternance/platform/data-access';
import { APP_CONFIG } from '@alternance/platform/nest';
import { MAILER } from '@alternance/notifications/data-access';
import { JOB_LOG, jobLog } from './log';
import { createMailer } from './mail/mailer.factory';
import { MailDispatcher } from './mail/mail-dispatcher';
import { NotificationNoticeBoard } from './inbox/notice-board.service';
import { NotificationsService } from './inbox/notifications.service';
import { NotificationsResolver } from './inbox/notifications.resolver';
import { SavedSearchesService } from './saved-searches/saved-searches.service';
import { SavedSearchesResolver } from './saved-searches/saved-searches.resolver';
import { SavedSearchAlertsJob } from './saved-searches/saved-search-alerts.job';
import { OfferExpiryJob } from './offer-expiry/offer-expiry.job';
import { DataRightsService } from './data-rights/data-rights.service';
import { DataRightsResolver } from './data-rights/data-rights.resolver';
import { RetentionJob } from './data-rights/retention.job';
import { NotificationsPersonalData, SavedSearchesPersonalData } from './data-rights/notifications-personal-data';
import { AccountGuard } from './data-rights/account.guard';
import { JobRunner } from './jobs/job-runner';

/**
 * Inboxes and mail (the platform's notice board), saved searches and their alerts, offer
 * expiry, data rights and retention, and the scheduler that runs the periodic jobs, without
 * GraphQL. Global, so any context can inject NOTICE_BOARD.
 */
@Global()
@Module({
  providers: [
    { provide: JOB_LOG, inject: [APP_CONFIG], useFactory: jobLog },
    { provide: MAILER, inject: [APP_CONFIG, JOB_LOG], useFactory: createMailer },
    MailDispatcher,
    NotificationNoticeBoard,
    { provide: NOTICE_BOARD, useExisting: NotificationNoticeBoard },
    NotificationsService,
    SavedSearchesService,
    SavedSearchAlertsJob,
    OfferExpiryJob,
    DataRightsService,
    RetentionJob,
    NotificationsPersonalData,
    SavedSearchesPersonalData,
    { provide: APP_GUARD, useClass: AccountGuard },
    JobRunner,
  ],
  exports: [NOTICE_BOARD, MAILER, MailDispatcher, NotificationsService, SavedSearchesService, OfferExpiryJob, SavedSearchAlertsJob, RetentionJob, DataRightsService, JobRunner],
})
export class NotificationsModule {}

/** The inbox, saved searches and data rights (`exportMyData`, `deleteMyAccount`). */
@Module({ providers: [NotificationsResolver, SavedSearchesResolver, DataRightsResolver] })
export class NotificationsApiModule {}
