export * from './candidate.entity';
