import { Module } from '@nestjs/common';
import { ProgramCatalogueModule, ProgramRepository } from '@alternance/programs/data-access';
import { ProgramMapper } from '@alternance/programs/graphql';
import { TaxonomyRepository } from '@alternance/taxonomy/data-access';
import { OfferFieldsResolver, OffersResolver, OrganizationOffersResolver } from './offers.resolver';
import { OffersService } from './offers.service';

/** Offers: their rules and storage, without GraphQL (the worker and every service import it). */
@Module({ imports: [ProgramCatalogueModule], providers: [OffersService, TaxonomyRepository, ProgramRepository, ProgramMapper], exports: [OffersService, ProgramMapper] })
export class OffersModule {}

/** The `Offer` entity's employer and training paths, and its reference resolver: in every service that returns offers. */
@Module({ imports: [OffersModule], providers: [OfferFieldsResolver] })
export class OfferFieldsModule {}

/** Offer management: `offer(id)`, the offer mutations and `Organization.offers`. */
@Module({ imports: [OffersModule, OfferFieldsModule], providers: [OffersResolver, OrganizationOffersResolver] })
export class OffersApiModule {}
