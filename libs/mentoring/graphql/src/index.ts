export * from './mentoring.model';
export * from './mentoring.input';
