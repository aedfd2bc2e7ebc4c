import { Module } from '@nestjs/common';
import { ProgramRepository } from '@alternance/programs/data-access';
import { ProgramMapper } from '@alternance/programs/graphql';
import { TaxonomyRepository } from '@alternance/taxonomy/data-access';
import { OffersResolver, OrganizationOffersResolver } from './offers.resolver';
import { OffersService } from './offers.service';

@Module({ providers: [OffersService, OffersResolver, OrganizationOffersResolver, TaxonomyRepository, ProgramRepository, ProgramMapper] })
export class OffersModule {}
