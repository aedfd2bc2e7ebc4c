export * from './candidates.module';
