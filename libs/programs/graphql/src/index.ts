export * from './program.model';
export * from './program.mapper';
export * from './suggestion.model';
