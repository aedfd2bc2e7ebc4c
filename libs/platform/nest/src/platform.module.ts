import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CLOCK, Clock, systemClock } from '@alternance/platform/domain';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { TokenService } from './auth/token.service';
import { PolicyGuard } from './auth/policy.guard';
import { PersonalDataRegistry } from './personal-data/personal-data.registry';
import { ScheduledJobRegistry } from './jobs/scheduled-jobs.registry';

/** Configuration, time, tokens, the policy guard, the personal data and scheduled job registries, shared by every feature. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        TokenService,
        PersonalDataRegistry,
        ScheduledJobRegistry,
        { provide: APP_GUARD, useClass: PolicyGuard },
      ],
      exports: [APP_CONFIG, CLOCK, TokenService, PersonalDataRegistry, ScheduledJobRegistry],
    };
  }
}
