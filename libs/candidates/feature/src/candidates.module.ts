import { Module } from '@nestjs/common';
import { ProgramCatalogueModule, ProgramRepository } from '@alternance/programs/data-access';
import { ProgramMapper } from '@alternance/programs/graphql';
import { TaxonomyRepository } from '@alternance/taxonomy/data-access';
import { CandidateFieldsResolver, CandidatesResolver } from './candidates.resolver';
import { CandidatesService } from './candidates.service';
import { CandidatePersonalData } from './candidate-personal-data';

/** Candidate profiles: their rules, storage and personal data, without GraphQL. */
@Module({ imports: [ProgramCatalogueModule], providers: [CandidatesService, CandidatePersonalData, TaxonomyRepository, ProgramRepository, ProgramMapper], exports: [CandidatesService, ProgramMapper] })
export class CandidatesModule {}

/** The `Candidate` entity's training paths, private fields and reference resolver: in every service that returns profiles. */
@Module({ imports: [CandidatesModule], providers: [CandidateFieldsResolver] })
export class CandidateFieldsModule {}

/** The profile API: `upsertMyCandidateProfile`, `myCandidateProfile`, `candidate(id)`. */
@Module({ imports: [CandidatesModule, CandidateFieldsModule], providers: [CandidatesResolver] })
export class CandidatesApiModule {}
