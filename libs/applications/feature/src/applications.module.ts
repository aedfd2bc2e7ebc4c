import { Module, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry, ScheduledJobRegistry } from '@alternance/platform/nest';
import { MatchReferenceModule } from '@alternance/matching/data-access';
import { ApplicationNotices } from './application-notices';
import { ApplicationsPersonalData } from './applications-personal-data';
import { ApplicationsResolver, OfferApplicationsResolver, OfferInvitationsResolver } from './applications.resolver';
import { ApplicationsService } from './applications.service';
import { CandidateIdentityResolver } from './candidate-identity.resolver';
import { EligibilityCheck } from './eligibility-check';
import { ExpiredOfferApplicants } from './expired-offer-applicants';
import { InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';
import { OutcomeFollowUp } from './outcomes';
import { OutcomesResolver } from './outcomes.resolver';

/** Applications and invitations: their rules, storage, notices and personal data, without GraphQL. */
@Module({
  imports: [MatchReferenceModule],
  providers: [ApplicationsService, InvitationsService, EligibilityCheck, ApplicationNotices, ApplicationsPersonalData, ExpiredOfferApplicants, OutcomeFollowUp],
  exports: [ApplicationsService, InvitationsService, ExpiredOfferApplicants, OutcomeFollowUp],
})
export class ApplicationsModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly personalData: ApplicationsPersonalData,
    private readonly jobs: ScheduledJobRegistry,
    private readonly outcomes: OutcomeFollowUp,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.personalData);
    // Six months after each hire's planned end, the apprentice is asked how they are doing.
    this.jobs.register({ name: 'outcomeFollowUp', run: (now) => this.outcomes.run(now) });
  }
}

/** A candidate's name and email as the viewer may see them (revealed by an accepted invitation): in every service that returns profiles. */
@Module({ providers: [CandidateIdentityResolver] })
export class CandidateIdentityModule {}

/**
 * Applying and the pipeline: the application queries and mutations, `Offer.applicationsCount`
 * and `Offer.applications`; the answer to the six-month outcome question.
 */
@Module({ imports: [ApplicationsModule], providers: [ApplicationsResolver, OfferApplicationsResolver, OutcomesResolver] })
export class ApplicationsApiModule {}

/** Invitations: inviting, accepting, declining, `myInvitations` and `Offer.invitations`. */
@Module({ imports: [ApplicationsModule], providers: [InvitationsResolver, OfferInvitationsResolver] })
export class InvitationsApiModule {}
