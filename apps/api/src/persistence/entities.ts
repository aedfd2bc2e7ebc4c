import { ApplicationEntity, ApplicationEventEntity, InvitationEntity, OutcomeEntity } from '@alternance/applications/data-access';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { ExposureEntity, OutboxEventEntity } from '@alternance/platform/data-access';
import { UserEntity } from '@alternance/identity/data-access';
import { OfferEntity } from '@alternance/offers/data-access';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { CatalogueImportEntity, ProgramEntity } from '@alternance/programs/data-access';
import { TAXONOMY_ENTITIES } from '@alternance/taxonomy/data-access';
import { NOTIFICATION_ENTITIES } from '@alternance/notifications/data-access';
import { MENTORING_ENTITIES } from '@alternance/mentoring/data-access';
import { ImportRunEntity, OfferSourceEntity } from '@alternance/imports/data-access';

/** Every table of the one database: the migrations are generated from this list. */
export const ENTITIES = [OrganizationEntity, UserEntity, ...TAXONOMY_ENTITIES, ProgramEntity, CatalogueImportEntity, OfferEntity, CandidateEntity, OutboxEventEntity, ...NOTIFICATION_ENTITIES, ApplicationEntity, ApplicationEventEntity, InvitationEntity, ...MENTORING_ENTITIES, OfferSourceEntity, ImportRunEntity, OutcomeEntity, ExposureEntity];
