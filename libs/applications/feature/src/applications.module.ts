import { Module, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@alternance/platform/nest';
import { ApplicationNotices } from './application-notices';
import { ApplicationsPersonalData } from './applications-personal-data';
import { ApplicationsResolver, OfferApplicationsResolver } from './applications.resolver';
import { ApplicationsService } from './applications.service';
import { CandidateIdentityResolver } from './candidate-identity.resolver';
import { EligibilityCheck } from './eligibility-check';
import { ExpiredOfferApplicants } from './expired-offer-applicants';
import { InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';

@Module({
  providers: [
    ApplicationsService,
    InvitationsService,
    EligibilityCheck,
    ApplicationNotices,
    ApplicationsPersonalData,
    ApplicationsResolver,
    InvitationsResolver,
    OfferApplicationsResolver,
    CandidateIdentityResolver,
    ExpiredOfferApplicants,
  ],
  exports: [ExpiredOfferApplicants],
})
export class ApplicationsModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly personalData: ApplicationsPersonalData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.personalData);
  }
}
