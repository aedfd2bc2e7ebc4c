export * from './offer.model';
export * from './offer.input';
export * from './offer.mapper';
