export * from './contract-kind';
export * from './offer-html';
export * from './partner-values';
export { decodeChunks } from './feed-text';
export type { MappedRecord, OfferDraft } from './offer-draft';
export * from './xml-readers';
export * from './json-readers';
export * from './csv-readers';
export * from './registry';
