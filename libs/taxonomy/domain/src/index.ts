export * from './csv';
export * from './text';
export * from './taxonomy';
export * from './suggestion-text';
export * from './suggestion-typos';
export * from './suggestion-index';
