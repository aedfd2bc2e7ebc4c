import { Module } from '@nestjs/common';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';
import { IdentityPersonalData } from './identity-personal-data';

/** Accounts: sign-up, sign-in and their personal data, without GraphQL. */
@Module({ providers: [IdentityService, IdentityPersonalData], exports: [IdentityService] })
export class IdentityModule {}

/** `signUp`, `logIn`, `me` and `User.organization`. */
@Module({ imports: [IdentityModule], providers: [IdentityResolver] })
export class IdentityApiModule {}
