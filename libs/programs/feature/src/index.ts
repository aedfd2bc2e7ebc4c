export * from './programs.module';
