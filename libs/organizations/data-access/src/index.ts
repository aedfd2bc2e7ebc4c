export * from './organization.entity';
