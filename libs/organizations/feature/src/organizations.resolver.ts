import { Args, Context, ID, Mutation, Parent, Query, ResolveReference, Resolver } from '@nestjs/graphql';
import { EntityManager } from '@mikro-orm/core';
import { Role, Viewer } from '@alternance/platform/domain';
import { CurrentViewer, Public, Roles, requestLoader } from '@alternance/platform/nest';
import { OrganizationEntity, organizationsById } from '@alternance/organizations/data-access';
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
  constructor(private readonly em: EntityManager) {}

  @Public()
  @ResolveReference()
  async resolveReference(@Parent() reference: { id: string }, @Context() context: object) {
    // The same loader as `Offer.organization`: each employer read once per request, a list's together.
    const org = await requestLoader(context, OrganizationEntity, (ids: string[]) => organizationsById(this.em, ids)).load(reference.id);
    return org ? toOrganization(org) : null;
  }
}
