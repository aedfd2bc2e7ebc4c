export * from './indexable';
export * from './outbox-relay';
export * from './embedded-index-store';
export * from './synonyms';
