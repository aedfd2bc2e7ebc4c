export * from './pipeline';
export * from './screening';
export * from './invitation';
export * from './notices';
export * from './outcome';
