import { Module } from '@nestjs/common';
import { TaxonomyRepository } from '@alternance/taxonomy/data-access';
import { TaxonomyResolver } from './taxonomy.resolver';

@Module({ providers: [TaxonomyRepository, TaxonomyResolver] })
export class TaxonomyModule {}
