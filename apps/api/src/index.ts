export { createApp } from './bootstrap';
export { serve, subgraphConfig } from './serve';
export { ApiSurface, ENTITY_FIELDS, BACKGROUND_FEATURES } from './app.module';
// The worker process (apps/worker) runs the same persistence and cross-context wiring without the GraphQL server.
export { ormOptions } from './persistence/orm-config';
export { CrossContextHooks } from './cross-context-hooks';
