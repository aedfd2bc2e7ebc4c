export * from './candidate.model';
export * from './candidate-profile.input';
export * from './candidate.mapper';
