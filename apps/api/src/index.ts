export { createApp, closeGracefully } from './bootstrap';
export { serve, subgraphConfig } from './serve';
export { ApiSurface, ENTITY_FIELDS, SINGLE_PROCESS, BACKGROUND_FEATURES, AppModule } from './app.module';
// The worker process (apps/worker) runs the same persistence and cross-context wiring without the GraphQL server.
export { ormOptions } from './persistence/orm-config';
export { CrossContextHooks } from './cross-context-hooks';
// The gateway serves the same offline playground.
export { mountPlayground } from './playground/playground';
