import { Module } from '@nestjs/common';
import { ProgramRepository } from '@alternance/programs/data-access';
import { TaxonomyRepository } from '@alternance/taxonomy/data-access';
import { ProgramMapper } from '@alternance/programs/graphql';
import { CompetencyBlockResolver, ProgramsResolver } from './programs.resolver';

@Module({ providers: [ProgramRepository, TaxonomyRepository, ProgramMapper, ProgramsResolver, CompetencyBlockResolver] })
export class ProgramsModule {}
