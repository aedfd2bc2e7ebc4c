export * from './notification.entity';
export * from './saved-search.entity';
export * from './offer-expiry-notice.entity';
export * from './mailer';
export * from './smtp-mailer';
export * from './file-mailer';
export * from './notification-entities';
