import { Args, Context, ID, Mutation, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { EntityManager } from '@mikro-orm/core';
import { NotFoundException, Role, Viewer } from '@alternance/platform/domain';
import { CurrentViewer, Public, Roles, requestLoader } from '@alternance/platform/nest';
import { CreateOfferInput, Offer, UpdateOfferInput, toOffer } from '@alternance/offers/graphql';
import { OrganizationEntity, organizationsById } from '@alternance/organizations/data-access';
import { Organization, toOrganization } from '@alternance/organizations/graphql';
import { Program, ProgramMapper } from '@alternance/programs/graphql';
import { OffersService } from './offers.service';

const MANAGERS = [Role.EMPLOYER, Role.RECRUITER, Role.ADMIN];

@Resolver(() => Offer)
export class OffersResolver {
  constructor(private readonly offers: OffersService) {}

  @Public()
  @Query(() => Offer, { nullable: true, description: 'One offer. Drafts are visible to their organization and staff only.' })
  async offer(@CurrentViewer() viewer: Viewer | null, @Args('id', { type: () => ID, description: 'Offer id.' }) id: string) {
    const offer = await this.offers.findVisible(viewer, id);
    return offer ? toOffer(offer) : null;
  }

  @Roles(...MANAGERS)
  @Mutation(() => Offer, { description: 'Create an offer as a DRAFT: employers for their organization, staff for any.' })
  async createOffer(@CurrentViewer() viewer: Viewer, @Args('input', { description: 'The offer.' }) input: CreateOfferInput) {
    return toOffer(await this.offers.create(viewer, input));
  }

  @Roles(...MANAGERS)
  @Mutation(() => Offer, { description: 'Change a DRAFT or PUBLISHED offer.' })
  async updateOffer(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'Offer id.' }) id: string,
    @Args('input', { description: 'Fields to change.' }) input: UpdateOfferInput,
  ) {
    return toOffer(await this.offers.update(viewer, id, input));
  }

  @Roles(...MANAGERS)
  @Mutation(() => Offer, { description: 'Publish a DRAFT on the job board; it expires OFFER_TTL_DAYS (60 by default) days later and is then closed.' })
  async publishOffer(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID, description: 'Offer id.' }) id: string) {
    return toOffer(await this.offers.publish(viewer, id));
  }

  @Roles(...MANAGERS)
  @Mutation(() => Offer, { description: 'Close an offer: it leaves the job board for good.' })
  async closeOffer(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID, description: 'Offer id.' }) id: string) {
    return toOffer(await this.offers.close(viewer, id));
  }
}

/**
 * The offer's fields that other contexts' data resolve (its employer, its training paths), and
 * how another service of the federated deployment gets an offer from its id: the same
 * visibility as `offer(id)` (drafts for their organization and staff only).
 */
@Resolver(() => Offer)
export class OfferFieldsResolver {
  constructor(
    private readonly offers: OffersService,
    private readonly programMapper: ProgramMapper,
    private readonly em: EntityManager,
  ) {}

  @Public()
  @ResolveReference()
  async resolveReference(@Parent() reference: { id: string }, @CurrentViewer() viewer: Viewer | null, @Context() context: object) {
    // A plan asks for a list's offers together: one read for all of them.
    const offer = await requestLoader(context, OfferFieldsResolver, (ids: string[]) => this.offers.findVisibleMany(viewer, ids)).load(reference.id);
    return offer ? toOffer(offer) : null;
  }

  @Public()
  @ResolveField(() => Organization, { description: 'The employer.' })
  async organization(@Parent() offer: Offer, @Context() context: object) {
    // The offers of a page share few employers: one query for the page, each employer read once.
    const org = await requestLoader(context, OrganizationEntity, (ids: string[]) => organizationsById(this.em, ids)).load(offer.organizationId);
    if (!org) throw new NotFoundException('Organization', offer.organizationId);
    return toOrganization(org);
  }

  @Public()
  @ResolveField(() => [Program], { description: 'Training paths the job can be taken with.' })
  async programs(@Parent() offer: Offer) {
    return this.programMapper.byIds(offer.programIds);
  }
}

@Resolver(() => Organization)
export class OrganizationOffersResolver {
  constructor(private readonly offerService: OffersService) {}

  @Public()
  @ResolveField(() => [Offer], {
    description: 'Offers of the organization, newest first (at most 100): published ones, and all for its members and staff.',
  })
  async offers(@CurrentViewer() viewer: Viewer | null, @Parent() organization: Organization) {
    return (await this.offerService.listForOrganization(viewer, organization.id)).map((o) => toOffer(o));
  }
}
