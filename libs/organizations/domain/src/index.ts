export * from './siret';
export * from './organization';
