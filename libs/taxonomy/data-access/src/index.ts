export * from './taxonomy.entities';
export * from './taxonomy.repository';
