export * from './partner-offer';
export * from './import-rules';
export * from './partner-feeds';
export * from './rome-inference';
