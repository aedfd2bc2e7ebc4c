import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EntityManager } from '@mikro-orm/core';
import { Viewer } from '@alternance/platform/domain';
import { Authenticated, CurrentViewer, Public } from '@alternance/platform/nest';
import { UserEntity } from '@alternance/identity/data-access';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { Organization, toOrganization } from '@alternance/organizations/graphql';
import { AuthPayload, LogInInput, SignUpInput, User } from './identity.model';
import { IdentityService, Session } from './identity.service';

function toUser(u: UserEntity): User {
  return { id: u.id, email: u.email, role: u.role, displayName: u.displayName, organizationId: u.organization?.id ?? null, createdAt: u.createdAt };
}

function toPayload(s: Session): AuthPayload {
  return { accessToken: s.token, expiresAt: s.expiresAt, user: toUser(s.user) };
}

@Resolver(() => User)
export class IdentityResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly em: EntityManager,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Create a CANDIDATE or EMPLOYER account (with its organization) and sign in.' })
  async signUp(@Args('input', { description: 'The new account.' }) input: SignUpInput) {
    return toPayload(await this.identity.signUp(input));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Sign in with email and password.' })
  async logIn(@Args('input', { description: 'Credentials.' }) input: LogInInput) {
    return toPayload(await this.identity.logIn(input));
  }

  @Authenticated()
  @Query(() => User, { description: 'The signed-in account.' })
  async me(@CurrentViewer() viewer: Viewer) {
    return toUser(await this.identity.me(viewer));
  }

  // Organizations are public (they sign the offers); the sign-up payload shows it too.
  @Public()
  @ResolveField(() => Organization, { nullable: true, description: 'The employer’s organization.' })
  async organization(@Parent() user: User) {
    if (!user.organizationId) return null;
    const org = await this.em.findOne(OrganizationEntity, { id: user.organizationId });
    return org ? toOrganization(org) : null;
  }
}
