import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EntityManager } from '@mikro-orm/core';
import { Role, Viewer, pageRequest } from '@alternance/platform/domain';
import { Authenticated, Connection, CurrentViewer, PageArgs, Public, Roles, toConnection } from '@alternance/platform/nest';
import { countApplications } from '@alternance/applications/data-access';
import {
  Application,
  ApplicationConnection,
  ApplicationPageArgs,
  ApplyInput,
  Invitation,
  InvitationConnection,
  InvitationPageArgs,
  MoveApplicationArgs,
  toApplication,
  toInvitation,
} from '@alternance/applications/graphql';
import { Offer } from '@alternance/offers/graphql';
import { ApplicationsService } from './applications.service';
import { InvitationsService } from './invitations.service';
import { PerRequest, RequestBatch } from './request-batch';

export const MANAGERS = [Role.EMPLOYER, Role.RECRUITER, Role.ADMIN];

@Resolver(() => Application)
export class ApplicationsResolver {
  constructor(private readonly applications: ApplicationsService) {}

  @Roles(Role.CANDIDATE)
  @Mutation(() => Application, {
    description:
      'Apply to a PUBLISHED, unexpired offer with your candidate profile: once per offer (a repeat is a CONFLICT), answering its screening questions, if you are eligible for its contract.',
  })
  async applyToOffer(@CurrentViewer() viewer: Viewer, @Args('input', { description: 'The application.' }) input: ApplyInput) {
    return toApplication(await this.applications.apply(viewer, input.offerId, input), viewer);
  }

  @Roles(Role.CANDIDATE)
  @Mutation(() => Application, { description: 'Withdraw your own open application. Final.' })
  async withdrawApplication(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID, description: 'Application id.' }) id: string) {
    return toApplication(await this.applications.withdraw(viewer, id), viewer);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Application, {
    description: 'Move an application along the pipeline (the offer’s organization or staff). Illegal moves are refused with the allowed ones; REJECTED needs a rejectionReason.',
  })
  async moveApplication(@CurrentViewer() viewer: Viewer, @Args() args: MoveApplicationArgs) {
    return toApplication(await this.applications.move(viewer, args.id, args.status, args.note ?? null, args.rejectionReason ?? null), viewer);
  }

  @Roles(Role.CANDIDATE)
  @Query(() => ApplicationConnection, { description: 'Your applications, newest first.' })
  async myApplications(@CurrentViewer() viewer: Viewer, @Args() args: PageArgs): Promise<Connection<Application>> {
    const page = await this.applications.mine(viewer, pageRequest(args.first, args.after));
    return toConnection(page, (a) => toApplication(a, viewer));
  }

  @Authenticated()
  @Query(() => Application, { nullable: true, description: 'One application: for its candidate, the offer’s organization and staff; null for anyone else.' })
  async application(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID, description: 'Application id.' }) id: string) {
    const found = await this.applications.findVisible(viewer, id);
    return found ? toApplication(found, viewer) : null;
  }
}

/** The offer's side of applications: its count (public), and its lists (its organization and staff). */
@Resolver(() => Offer)
export class OfferApplicationsResolver {
  private readonly counts = new PerRequest(() => new RequestBatch<string, number>((ids) => countApplications(this.em, ids)));

  constructor(
    private readonly applicationService: ApplicationsService,
    private readonly em: EntityManager,
  ) {}

  @Public()
  @ResolveField(() => Int, {
    description: 'Applications received and not withdrawn (rejected and hired ones included).',
  })
  async applicationsCount(@Context() context: object, @Parent() offer: Offer): Promise<number> {
    return (await this.counts.of(context).get(offer.id)) ?? 0;
  }

  @Roles(...MANAGERS)
  @ResolveField(() => ApplicationConnection, {
    nullable: true,
    description: 'Applications to this offer, newest first: for its organization and staff (anyone else gets an error and null).',
  })
  async applications(@CurrentViewer() viewer: Viewer, @Parent() offer: Offer, @Args() args: ApplicationPageArgs): Promise<Connection<Application>> {
    const page = await this.applicationService.forOffer(viewer, offer.id, pageRequest(args.first, args.after), args.status);
    return toConnection(page, (a) => toApplication(a, viewer));
  }
}

/** The offer's invitations: for its organization and staff. */
@Resolver(() => Offer)
export class OfferInvitationsResolver {
  constructor(private readonly invitationService: InvitationsService) {}

  @Roles(...MANAGERS)
  @ResolveField(() => InvitationConnection, {
    nullable: true,
    description: 'Invitations sent for this offer, newest first: for its organization and staff (anyone else gets an error and null).',
  })
  async invitations(@CurrentViewer() viewer: Viewer, @Parent() offer: Offer, @Args() args: InvitationPageArgs): Promise<Connection<Invitation>> {
    const page = await this.invitationService.forOffer(viewer, offer.id, pageRequest(args.first, args.after), args.status);
    return toConnection(page, (i) => toInvitation(i, viewer));
  }
}
