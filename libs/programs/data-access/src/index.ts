export * from './program.entity';
export * from './program.repository';
export * from './program-import';
