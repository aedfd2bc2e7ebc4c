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
} from '@alternance/platform/nest';
import { CandidatesModule } from '@alternance/candidates/feature';
import { IdentityModule } from '@alternance/identity/feature';
import { OffersModule } from '@alternance/offers/feature';
import { OrganizationsModule } from '@alternance/organizations/feature';
import { ProgramsModule } from '@alternance/programs/feature';
import { SearchModule } from '@alternance/search/feature';
import { MatchingModule } from '@alternance/matching/feature';
import { TaxonomyModule } from '@alternance/taxonomy/feature';
import { ormOptions } from './persistence/orm-config';

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
          inject: [TokenService],
          useFactory: (tokens: TokenService) => ({
            autoSchemaFile: true,
            sortSchema: true,
            playground: false,
            introspection: config.introspection,
            plugins: [ApolloServerPluginLandingPageDisabled()],
            includeStacktraceInErrorResponses: false,
            csrfPrevention: true,
            allowBatchedHttpRequests: false,
            fieldResolverEnhancers: ['guards'],
            context: ({ req }: { req: { headers: Record<string, string | string[] | undefined> } }) => buildRequestContext(req, tokens),
            formatError: formatGraphqlError,
          }),
        }),
        IdentityModule,
        OrganizationsModule,
        TaxonomyModule,
        ProgramsModule,
        OffersModule,
        CandidatesModule,
        SearchModule,
        MatchingModule,
      ],
      providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }],
    };
  }
}
