export * from './match-data';
export * from './match-snapshot';
export * from './match-references';
