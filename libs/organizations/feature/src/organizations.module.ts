import { Module } from '@nestjs/common';
import { OrganizationFieldsResolver, OrganizationsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';

/** Organizations (employers), without GraphQL. */
@Module({ providers: [OrganizationsService], exports: [OrganizationsService] })
export class OrganizationsModule {}

/** The `Organization` entity's reference resolver: in every service that returns organizations. */
@Module({ imports: [OrganizationsModule], providers: [OrganizationFieldsResolver] })
export class OrganizationFieldsModule {}

/** `organization(id)` and `updateOrganization`. */
@Module({ imports: [OrganizationsModule, OrganizationFieldsModule], providers: [OrganizationsResolver] })
export class OrganizationsApiModule {}
