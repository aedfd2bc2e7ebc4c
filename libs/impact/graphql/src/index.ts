export * from './impact.model';
