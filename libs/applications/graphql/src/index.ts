export * from './application.model';
export * from './application.input';
export * from './application.mapper';
export * from './outcome.model';
