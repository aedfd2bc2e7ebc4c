import { DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Clock, systemClock } from '@alternance/platform/domain';
import {
  AppConfig,
  PlatformModule,
  TokenService,
  buildRequestContext,
  createValidationPipe,
  formatGraphqlError,
  RateLimitModule,
  RateLimitPlugin,
  apolloLogger,
  createAppLogger,
  graphqlLimits,
  operationLogPlugin,
} from '@alternance/platform/nest';
import { ApplicationsModule } from '@alternance/applications/feature';
import { CandidatesModule } from '@alternance/candidates/feature';
import { IdentityModule } from '@alternance/identity/feature';
import { OffersModule } from '@alternance/offers/feature';
import { OrganizationsModule } from '@alternance/organizations/feature';
import { ProgramsModule } from '@alternance/programs/feature';
import { SearchModule } from '@alternance/search/feature';
import { MatchingModule } from '@alternance/matching/feature';
import { NotificationsModule } from '@alternance/notifications/feature';
import { TaxonomyModule } from '@alternance/taxonomy/feature';
import { ormOptions } from './persistence/orm-config';
import { CrossContextHooks } from './cross-context-hooks';

/**
 * The features the worker (apps/worker) runs too, in the order they register their personal
 * data (erasure goes through them in this order). Matching only answers queries: the API alone has it.
 */
export const BACKGROUND_FEATURES = [
  IdentityModule,
  OrganizationsModule,
  TaxonomyModule,
  ProgramsModule,
  OffersModule,
  CandidatesModule,
  SearchModule,
  NotificationsModule,
  ApplicationsModule,
];

/** The single-process API: every feature over one database and one GraphQL schema. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, clock),
        MikroOrmModule.forRoot({ ...ormOptions(config.database), registerRequestContext: true }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [RateLimitModule],
          inject: [TokenService, RateLimitPlugin],
          useFactory: (tokens: TokenService, rateLimit: RateLimitPlugin) => {
            // Document limits (QUERY_TOO_COMPLEX) and mutation budgets (RATE_LIMITED) act before any resolver runs.
            const limits = graphqlLimits(config.graphqlLimits);
            const logger = createAppLogger(config.logLevel);
            return {
              autoSchemaFile: true,
              sortSchema: true,
              playground: false,
              introspection: config.introspection,
              plugins: [ApolloServerPluginLandingPageDisabled(), ...limits.plugins, rateLimit, operationLogPlugin(logger)],
              validationRules: limits.validationRules,
              parseOptions: limits.parseOptions,
              logger: apolloLogger(logger),
              includeStacktraceInErrorResponses: false,
              csrfPrevention: true,
              allowBatchedHttpRequests: false,
              fieldResolverEnhancers: ['guards'],
              context: ({ req }: { req: { headers: Record<string, string | string[] | undefined> } }) => buildRequestContext(req, tokens),
              formatError: formatGraphqlError,
            };
          },
        }),
        ...BACKGROUND_FEATURES,
        MatchingModule,
      ],
      providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }, CrossContextHooks],
    };
  }
}
