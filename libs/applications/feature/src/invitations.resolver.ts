import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, Viewer, pageRequest } from '@alternance/platform/domain';
import { Connection, CurrentViewer, Roles, toConnection } from '@alternance/platform/nest';
import { AcceptInvitationInput, Invitation, InvitationConnection, InvitationPageArgs, InviteInput, toInvitation } from '@alternance/applications/graphql';
import { InvitationsService } from './invitations.service';
import { MANAGERS } from './applications.resolver';

@Resolver(() => Invitation)
export class InvitationsResolver {
  constructor(private readonly invitations: InvitationsService) {}

  @Roles(...MANAGERS)
  @Mutation(() => Invitation, {
    description: 'Invite a PUBLIC or ANONYMOUS candidate to apply to a PUBLISHED offer of your organization (staff: any). One invitation per offer and candidate.',
  })
  async inviteCandidate(@CurrentViewer() viewer: Viewer, @Args('input', { description: 'The invitation.' }) input: InviteInput) {
    return toInvitation(await this.invitations.invite(viewer, input.offerId, input.candidateId, input.message ?? null), viewer);
  }

  @Roles(Role.CANDIDATE)
  @Mutation(() => Invitation, {
    description:
      'Accept an invitation: this applies to the offer (with the same checks as applyToOffer; an earlier application is kept) and shows your name and contact to the inviting organization.',
  })
  async acceptInvitation(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'Invitation id.' }) id: string,
    @Args('input', { nullable: true, description: 'Message and screening answers for the application.' }) input?: AcceptInvitationInput,
  ) {
    return toInvitation(await this.invitations.accept(viewer, id, input ?? {}), viewer);
  }

  @Roles(Role.CANDIDATE)
  @Mutation(() => Invitation, { description: 'Decline an invitation. Final: the offer cannot invite you again.' })
  async declineInvitation(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID, description: 'Invitation id.' }) id: string) {
    return toInvitation(await this.invitations.decline(viewer, id), viewer);
  }

  @Roles(Role.CANDIDATE)
  @Query(() => InvitationConnection, { description: 'Invitations you received, newest first.' })
  async myInvitations(@CurrentViewer() viewer: Viewer, @Args() args: InvitationPageArgs): Promise<Connection<Invitation>> {
    const page = await this.invitations.mine(viewer, pageRequest(args.first, args.after), args.status);
    return toConnection(page, (i) => toInvitation(i, viewer));
  }
}
