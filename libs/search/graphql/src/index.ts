export * from './search.model';
export * from './offer-search.port';
