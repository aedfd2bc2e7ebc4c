export * from './errors';
export * from './clock';
export * from './cursor';
export * from './geo';
export * from './viewer';
export * from './country';
export * from './notice';
export * from './small-counts';
