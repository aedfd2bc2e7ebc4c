export * from './offer.entity';
