import { DynamicModule, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Clock, systemClock } from '@alternance/platform/domain';
import { AppConfig, PlatformModule } from '@alternance/platform/nest';
import { BACKGROUND_FEATURES, CrossContextHooks, ormOptions } from '@alternance/api';

/**
 * The background half of the API: the same features and cross-context hooks (so an offer
 * expired here tells its applicants exactly as in the API), without GraphQL or HTTP. The
 * search module brings the outbox relay, the notifications module the job scheduler. These
 * modules hold no GraphQL resolvers (each feature's GraphQL surface is a module of its own).
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config, clock),
        MikroOrmModule.forRoot({ ...ormOptions(config.database), registerRequestContext: false }),
        ...BACKGROUND_FEATURES,
      ],
      providers: [CrossContextHooks],
    };
  }
}
