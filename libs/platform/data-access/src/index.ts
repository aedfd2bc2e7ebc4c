export * from './outbox.entity';
export * from './outbox';
export * from './notice-board';
export * from './lease';
export * from './plain-read';
export * from './exposure.entity';
