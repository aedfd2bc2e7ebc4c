export * from './user.entity';
export * from './password-hasher';
export * from './staff-accounts';
