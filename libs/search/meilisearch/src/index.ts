export * from './meilisearch-index-store';
/** A stand-in Meilisearch server speaking its HTTP API, for tests where no server can run. */
export { FakeMeilisearch } from './fake-meilisearch';
export type { RecordedRequest } from './fake-meilisearch';
