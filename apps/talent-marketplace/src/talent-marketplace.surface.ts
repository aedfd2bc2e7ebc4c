import { ApiSurface, ENTITY_FIELDS } from '@alternance/api';
import { InvitationsApiModule } from '@alternance/applications/feature';
import { OffersApiModule } from '@alternance/offers/feature';
import { OrganizationsApiModule } from '@alternance/organizations/feature';
import { CandidateSearchApiModule } from '@alternance/search/feature';
import { ImportsApiModule } from '@alternance/imports/feature';

/** The employers' side: organizations, offer management, the candidate search, invitations and the partner imports' runs. */
export const TALENT_MARKETPLACE: ApiSurface = {
  name: 'talent-marketplace',
  federated: true,
  modules: [...ENTITY_FIELDS, OrganizationsApiModule, OffersApiModule, CandidateSearchApiModule, InvitationsApiModule, ImportsApiModule],
};
