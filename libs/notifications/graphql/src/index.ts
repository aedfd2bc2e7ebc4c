export * from './json.scalar';
export * from './notification.model';
export * from './notification.mapper';
export * from './saved-search.model';
export * from './saved-search.mapper';
export * from './data-rights.model';
