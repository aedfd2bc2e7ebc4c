export * from './program.entity';
export * from './program.repository';
