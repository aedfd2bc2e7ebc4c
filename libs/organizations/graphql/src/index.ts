export * from './organization.model';
export * from './update-organization.input';
export * from './organization.mapper';
