export * from './import-run.model';
