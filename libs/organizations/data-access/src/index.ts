export * from './organization.entity';
export * from './organizations-by-id';
