import { Module } from '@nestjs/common';
import { ProgramRepository } from '@alternance/programs/data-access';
import { ProgramMapper } from '@alternance/programs/graphql';
import { TaxonomyRepository } from '@alternance/taxonomy/data-access';
import { CandidatesResolver } from './candidates.resolver';
import { CandidatesService } from './candidates.service';
import { CandidatePersonalData } from './candidate-personal-data';

@Module({ providers: [CandidatesService, CandidatesResolver, CandidatePersonalData, TaxonomyRepository, ProgramRepository, ProgramMapper] })
export class CandidatesModule {}
