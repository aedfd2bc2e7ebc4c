import { ApiSurface, ENTITY_FIELDS } from '@alternance/api';
import { ApplicationsApiModule } from '@alternance/applications/feature';
import { CandidatesApiModule } from '@alternance/candidates/feature';
import { IdentityApiModule } from '@alternance/identity/feature';
import { NotificationsApiModule } from '@alternance/notifications/feature';
import { ProgramsApiModule, SuggestionsApiModule } from '@alternance/programs/feature';
import { OfferSearchApiModule } from '@alternance/search/feature';
import { TaxonomyApiModule } from '@alternance/taxonomy/feature';
import { MentoringApiModule } from '@alternance/mentoring/feature';
import { ImpactApiModule } from '@alternance/impact/feature';

/**
 * The candidates' side: accounts, the catalogue, the job board's search, the candidate
 * profile, applications, the inbox, saved searches, data rights and mentoring.
 */
export const JOB_BOARD: ApiSurface = {
  name: 'job-board',
  federated: true,
  modules: [
    ...ENTITY_FIELDS,
    IdentityApiModule,
    ProgramsApiModule,
    TaxonomyApiModule,
    SuggestionsApiModule,
    OfferSearchApiModule,
    CandidatesApiModule,
    ApplicationsApiModule,
    NotificationsApiModule,
    MentoringApiModule,
    ImpactApiModule,
  ],
};
