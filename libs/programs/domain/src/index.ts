export * from './program';
export * from './rome-matching';
export * from './catalogue-suggestions';
