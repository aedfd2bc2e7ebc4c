export * from './taxonomy.model';
export * from './location.model';
