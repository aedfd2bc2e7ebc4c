export * from './search-model';
export * from './stop-words';
export * from './offer-search';
export * from './candidate-search';
export * from './meilisearch-filter';
