export * from './csv';
export * from './text';
export * from './taxonomy';
