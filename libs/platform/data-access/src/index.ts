export * from './outbox.entity';
export * from './outbox';
