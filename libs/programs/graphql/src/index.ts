export * from './program.model';
export * from './program.mapper';
