export * from './match-data';
export * from './match-snapshot';
