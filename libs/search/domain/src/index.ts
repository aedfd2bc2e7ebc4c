export * from './search-model';
export * from './highlight-html';
export * from './stop-words';
export * from './offer-search';
export * from './candidate-search';
export * from './meilisearch-filter';
export * from './query-place';
