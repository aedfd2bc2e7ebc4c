export * from './meilisearch-index-store';
