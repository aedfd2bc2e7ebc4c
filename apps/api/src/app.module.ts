import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, ApolloDriverConfig, ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import type { FastifyRequest } from 'fastify';
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
  sharedServerOptions,
  operationLogPlugin,
} from '@alternance/platform/nest';
import { ApplicationsApiModule, ApplicationsModule, CandidateIdentityModule, InvitationsApiModule } from '@alternance/applications/feature';
import { CandidateFieldsModule, CandidatesApiModule, CandidatesModule } from '@alternance/candidates/feature';
import { IdentityApiModule, IdentityModule } from '@alternance/identity/feature';
import { OfferFieldsModule, OffersApiModule, OffersModule } from '@alternance/offers/feature';
import { OrganizationFieldsModule, OrganizationsApiModule, OrganizationsModule } from '@alternance/organizations/feature';
import { ProgramFieldsModule, ProgramsApiModule, ProgramsModule, SuggestionsApiModule } from '@alternance/programs/feature';
import { CandidateSearchApiModule, OfferSearchApiModule, SearchModule } from '@alternance/search/feature';
import { MatchingApiModule } from '@alternance/matching/feature';
import { NotificationsApiModule, NotificationsModule } from '@alternance/notifications/feature';
import { TaxonomyApiModule, TaxonomyModule } from '@alternance/taxonomy/feature';
import { MentoringApiModule, MentoringModule } from '@alternance/mentoring/feature';
import { ImportsApiModule, ImportsModule } from '@alternance/imports/feature';
import { ImpactApiModule } from '@alternance/impact/feature';
import { ormOptions } from './persistence/orm-config';
import { CrossContextHooks } from './cross-context-hooks';

/**
 * The features every process has (the API, each subgraph, the worker), without their GraphQL
 * resolvers, in the order they register their personal data (erasure goes through them in
 * this order). Matching only answers queries: the services that serve match queries add it.
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
  MentoringModule,
  ImportsModule,
];

/**
 * The fields of the entities several services return (Offer, Candidate, Organization, Program)
 * that other contexts' data resolve, and their reference resolvers: every GraphQL service has them.
 */
export const ENTITY_FIELDS: Type[] = [OfferFieldsModule, CandidateFieldsModule, CandidateIdentityModule, OrganizationFieldsModule, ProgramFieldsModule];

/**
 * What a process serves over GraphQL: the modules of its part of the API (their resolvers) on
 * top of the features every process has, and whether it is a federation subgraph.
 */
export interface ApiSurface {
  /** The service's name: `api` for the single process, else the subgraph's. */
  name: string;
  federated: boolean;
  modules: Type[];
}

/** The single process: the whole API. */
export const SINGLE_PROCESS: ApiSurface = {
  name: 'api',
  federated: false,
  modules: [
    ...ENTITY_FIELDS,
    IdentityApiModule,
    ProgramsApiModule,
    TaxonomyApiModule,
    SuggestionsApiModule,
    OrganizationsApiModule,
    OffersApiModule,
    CandidatesApiModule,
    OfferSearchApiModule,
    CandidateSearchApiModule,
    ApplicationsApiModule,
    InvitationsApiModule,
    NotificationsApiModule,
    MatchingApiModule,
    MentoringApiModule,
    ImportsApiModule,
    ImpactApiModule,
  ],
};

/**
 * A process serving GraphQL: every feature over one database, and the schema of its surface.
 * The single-process API serves the whole schema; a subgraph (apps/job-board,
 * apps/talent-marketplace, apps/matcher) serves its part as an Apollo Federation 2 subgraph.
 * Both run the same validation, limits, rate limits, guards and logging.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock: Clock = systemClock, surface: ApiSurface = SINGLE_PROCESS): DynamicModule {
    const inject = [TokenService, RateLimitPlugin];
    const graphql = surface.federated
      ? GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          imports: [RateLimitModule],
          inject,
          useFactory: (tokens: TokenService, rateLimit: RateLimitPlugin) => {
            const options = graphqlOptions(config, tokens, rateLimit);
            // Traces for Apollo's hosted reporting are not used: no per-request tracing cost.
            return { ...options, plugins: [...options.plugins, ApolloServerPluginInlineTraceDisabled()], autoSchemaFile: { federation: 2 } };
          },
        })
      : GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [RateLimitModule],
          inject,
          useFactory: (tokens: TokenService, rateLimit: RateLimitPlugin) => ({ ...graphqlOptions(config, tokens, rateLimit), autoSchemaFile: true }),
        });
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, clock),
        // Each request's context is opened by an HTTP hook (apps/api/src/bootstrap.ts), not by Nest middleware.
        MikroOrmModule.forRoot({ ...ormOptions(config.database), registerRequestContext: false }),
        graphql,
        ...BACKGROUND_FEATURES,
        ...surface.modules,
      ],
      providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }, CrossContextHooks],
    };
  }
}

/** The GraphQL server's options, the same for the single process and every subgraph. */
function graphqlOptions(config: AppConfig, tokens: TokenService, rateLimit: RateLimitPlugin) {
  // Document limits (QUERY_TOO_COMPLEX) and mutation budgets (RATE_LIMITED) act before any resolver runs.
  const shared = sharedServerOptions(config.graphqlLimits, config.introspection);
  const logger = createAppLogger(config.logLevel);
  return {
    ...shared,
    sortSchema: true,
    playground: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), ...shared.plugins, rateLimit, operationLogPlugin(logger)],
    logger: apolloLogger(logger),
    fieldResolverEnhancers: ['guards' as const],
    // Apollo's Fastify integration passes the request itself.
    context: (req: FastifyRequest) => buildRequestContext(req, tokens),
    formatError: formatGraphqlError,
  };
}
