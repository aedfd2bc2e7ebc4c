import { Logger, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { InMemoryRateLimitStore, RATE_LIMIT_STORE, RateLimitStore } from './rate-limit.store';
import { RedisRateLimitStore } from './redis-rate-limit.store';
import { RateLimitPlugin } from './rate-limit.plugin';

/**
 * The store for REDIS_URL: Redis, shared by every process that names it (waited for up to
 * 2 s at start-up; the process starts without it); without REDIS_URL, this process's memory.
 */
export async function createRateLimitStore(config: AppConfig): Promise<RateLimitStore> {
  if (!config.redis) return new InMemoryRateLimitStore();
  const store = new RedisRateLimitStore({ url: config.redis.url, keyPrefix: config.redis.keyPrefix, logger: new Logger('RateLimit') });
  await store.connected(2000);
  return store;
}

/** The mutation rate limiter and its store (see createRateLimitStore). */
@Module({
  providers: [{ provide: RATE_LIMIT_STORE, inject: [APP_CONFIG], useFactory: createRateLimitStore }, RateLimitPlugin],
  exports: [RATE_LIMIT_STORE, RateLimitPlugin],
})
export class RateLimitModule {}
