export * from './notifications.module';
export * from './jobs/job-runner';
export * from './mail/mail-dispatcher';
export * from './offer-expiry/offer-expiry.job';
export * from './saved-searches/saved-search-alerts.job';
export * from './data-rights/retention.job';
export * from './data-rights/data-rights.service';
