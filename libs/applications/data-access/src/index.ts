export * from './application.entity';
export * from './invitation.entity';
export * from './applications.queries';
export * from './outcome.entity';
