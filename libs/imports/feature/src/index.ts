export * from './import-config';
export * from './offer-importer';
export * from './offer-text';
export * from './occupation-guesser';
export * from './imports.module';
export * from './import-scheduler';
