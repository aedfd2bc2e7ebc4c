export * from './identity.module';
export * from './identity.model';
