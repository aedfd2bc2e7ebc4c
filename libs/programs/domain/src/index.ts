export * from './program';
export * from './rome-matching';
