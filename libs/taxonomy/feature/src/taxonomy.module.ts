import { Module } from '@nestjs/common';
import { TaxonomyRepository } from '@alternance/taxonomy/data-access';
import { TaxonomyResolver } from './taxonomy.resolver';

/** ROME occupations and skills, communes: without GraphQL. */
@Module({ providers: [TaxonomyRepository], exports: [TaxonomyRepository] })
export class TaxonomyModule {}

/** The taxonomy queries (`occupations`, `occupation`, `skills`, `communes`) and the occupation's fields. */
@Module({ imports: [TaxonomyModule], providers: [TaxonomyResolver] })
export class TaxonomyApiModule {}
