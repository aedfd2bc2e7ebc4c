export { EmbeddedSearchEngine } from './embedded-search-engine';
export type { RankingExplanation } from './embedded-search-engine';
export { Tokenizer } from './tokenizer';
export { damerauLevenshtein, maxTypos } from './typo-dictionary';
export { haversineKm } from './geo';
