export * from './taxonomy.entities';
export * from './taxonomy.repository';
export * from './taxonomy-import';
export * from './macro-competences';
export * from './suggestion-rows';
