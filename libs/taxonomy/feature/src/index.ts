export * from './taxonomy.module';
