import { Args, ID, Mutation, Parent, Query, ResolveReference, Resolver } from '@nestjs/graphql';
import { Role, Viewer } from '@alternance/platform/domain';
import { CurrentViewer, Public, Roles } from '@alternance/platform/nest';
import { Organization, UpdateOrganizationInput, toOrganization } from '@alternance/organizations/graphql';
import { OrganizationsService } from './organizations.service';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @Public()
  @Query(() => Organization, { nullable: true, description: 'One employer by id: public, as on the job board.' })
  async organization(@Args('id', { type: () => ID, description: 'Organization id.' }) id: string) {
    const org = await this.organizations.find(id);
    return org ? toOrganization(org) : null;
  }

  @Roles(Role.EMPLOYER, Role.RECRUITER, Role.ADMIN)
  @Mutation(() => Organization, { description: 'Change an organization: employers their own, staff any (give its id).' })
  async updateOrganization(@CurrentViewer() viewer: Viewer, @Args('input', { description: 'Fields to change.' }) input: UpdateOrganizationInput) {
    return toOrganization(await this.organizations.update(viewer, input));
  }
}

/** How another service of the federated deployment gets an organization from its id (public, as `organization(id)`). */
@Resolver(() => Organization)
export class OrganizationFieldsResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @Public()
  @ResolveReference()
  async resolveReference(@Parent() reference: { id: string }) {
    const org = await this.organizations.find(reference.id);
    return org ? toOrganization(org) : null;
  }
}
