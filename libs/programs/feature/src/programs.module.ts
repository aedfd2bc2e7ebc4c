import { Module } from '@nestjs/common';
import { CatalogueSuggestionsModule, ProgramCatalogueModule, ProgramRepository } from '@alternance/programs/data-access';
import { TaxonomyRepository } from '@alternance/taxonomy/data-access';
import { ProgramMapper } from '@alternance/programs/graphql';
import { CompetencyBlockResolver, ProgramFieldsResolver, ProgramsResolver } from './programs.resolver';
import { SuggestionsResolver } from './suggestions.resolver';

/** The catalogue of training paths, without GraphQL. */
@Module({ imports: [ProgramCatalogueModule], providers: [ProgramRepository, TaxonomyRepository, ProgramMapper], exports: [ProgramRepository, ProgramMapper] })
export class ProgramsModule {}

/** The `Program` entity's reference resolver and its blocks' skills: in every service that returns training paths. */
@Module({ imports: [ProgramsModule], providers: [ProgramFieldsResolver, CompetencyBlockResolver] })
export class ProgramFieldsModule {}

/** `programs` and `program(id)`. */
@Module({ imports: [ProgramsModule, ProgramFieldsModule], providers: [ProgramsResolver] })
export class ProgramsApiModule {}

/** `suggest`: autocomplete over the whole catalogue (job titles, occupations, communes, paths, skills). */
@Module({ imports: [CatalogueSuggestionsModule], providers: [SuggestionsResolver] })
export class SuggestionsApiModule {}
