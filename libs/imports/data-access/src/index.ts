export * from './offer-source.entity';
export * from './import-run.entity';
