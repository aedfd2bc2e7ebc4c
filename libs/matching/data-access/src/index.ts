export * from './match-data';
