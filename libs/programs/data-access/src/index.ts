export * from './program.entity';
export * from './program.repository';
export * from './program-import';
export * from './program-snapshot';
export * from './program-catalogue';
export * from './catalogue-import.entity';
export * from './catalogue-version';
export * from './catalogue-suggestions';
