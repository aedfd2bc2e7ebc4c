export * from './assignment';
export * from './mentoring';
