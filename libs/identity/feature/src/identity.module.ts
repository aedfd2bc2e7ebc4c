import { Module } from '@nestjs/common';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';
import { IdentityPersonalData } from './identity-personal-data';

@Module({ providers: [IdentityService, IdentityResolver, IdentityPersonalData] })
export class IdentityModule {}
