export * from './partner-offer';
export * from './import-rules';
