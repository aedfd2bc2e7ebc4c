export * from './partner-offer';
