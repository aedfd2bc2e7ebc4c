import { Module } from '@nestjs/common';
import { InMemoryRateLimitStore, RATE_LIMIT_STORE } from './rate-limit.store';
import { RateLimitPlugin } from './rate-limit.plugin';

/** The mutation rate limiter and its store (in memory: one process; see RateLimitStore). */
@Module({
  providers: [{ provide: RATE_LIMIT_STORE, useFactory: () => new InMemoryRateLimitStore() }, RateLimitPlugin],
  exports: [RATE_LIMIT_STORE, RateLimitPlugin],
})
export class RateLimitModule {}
