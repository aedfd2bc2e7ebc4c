export * from './days';
export * from './retention';
export * from './offer-expiry';
export * from './digest';
export * from './mail-delivery';
