export { createApp } from './bootstrap';
// The worker process (apps/worker) runs the same persistence and cross-context wiring without the GraphQL server.
export { ormOptions } from './persistence/orm-config';
export { CrossContextHooks } from './cross-context-hooks';
export { BACKGROUND_FEATURES } from './app.module';
