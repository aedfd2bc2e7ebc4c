import { Directive, Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, Role } from '@alternance/platform/nest';
import { ApplicationStatus, InvitationStatus, RejectionReason } from '@alternance/applications/domain';
import { Candidate } from '@alternance/candidates/graphql';
import { Offer } from '@alternance/offers/graphql';

registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: 'Where an application is: SUBMITTED → IN_REVIEW → INTERVIEW → OFFERED → HIRED, or REJECTED (by the employer) / WITHDRAWN (by the candidate).',
  valuesMap: {
    SUBMITTED: { description: 'Sent, not yet looked at.' },
    IN_REVIEW: { description: 'The employer is reviewing it.' },
    INTERVIEW: { description: 'The candidate is invited to an interview.' },
    OFFERED: { description: 'The employer offered the job.' },
    HIRED: { description: 'Hired: counts against the offer’s positions. Final.' },
    REJECTED: { description: 'Turned down by the employer, with a reason. Final.' },
    WITHDRAWN: { description: 'Withdrawn by the candidate. Final.' },
  },
});
registerEnumType(RejectionReason, {
  name: 'RejectionReason',
  description: 'Why an employer turned an application down; the candidate is told.',
  valuesMap: {
    SKILLS_MISMATCH: { description: 'The skills asked for did not match closely enough.' },
    EXPERIENCE_MISMATCH: { description: 'The experience asked for did not match closely enough.' },
    AVAILABILITY_MISMATCH: { description: 'The dates did not fit.' },
    LOCATION_MISMATCH: { description: 'The location did not fit.' },
    POSITION_FILLED: { description: 'The position has been filled.' },
    NO_RESPONSE: { description: 'The candidate did not answer.' },
    OTHER: { description: 'Another reason (say it in the note).' },
  },
});
registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'An invitation’s answer. Declining is final for that offer.',
  valuesMap: {
    PENDING: { description: 'Waiting for the candidate.' },
    ACCEPTED: { description: 'Accepted: the candidate applied, and their identity is shown to the inviting organization.' },
    DECLINED: { description: 'Declined: the offer cannot invite this candidate again.' },
  },
});

@ObjectType({ description: 'A screening question of the offer, as asked, with the candidate’s answer.' })
@Directive('@shareable')
export class ScreeningAnswer {
  @Field({ description: 'The question.' })
  question!: string;

  @Field({ description: 'The answer.' })
  answer!: string;
}

@ObjectType({ description: 'One move of an application.' })
@Directive('@shareable')
export class ApplicationEvent {
  @Field(() => ApplicationStatus, { description: 'The status the application moved to.' })
  status!: ApplicationStatus;

  @Field(() => RejectionReason, { nullable: true, description: 'For REJECTED: why.' })
  rejectionReason!: RejectionReason | null;

  @Field(() => String, { nullable: true, description: 'Note written with the move; the candidate reads it too.' })
  note!: string | null;

  @Field(() => ID, { nullable: true, description: 'Account that made the move (null once erased).' })
  actorUserId!: string | null;

  @Field(() => Role, { description: 'Role of the account that made the move.' })
  actorRole!: Role;

  @Field(() => GraphQLISODateTime, { description: 'When.' })
  at!: Date;
}

@ObjectType({ description: 'A candidate’s application to an offer, with its status history.' })
@Directive('@shareable')
export class Application {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => ApplicationStatus, { description: 'Where the application is.' })
  status!: ApplicationStatus;

  @Field(() => [ApplicationStatus], { description: 'Statuses you may move it to now (empty when you may not move it).' })
  allowedMoves!: ApplicationStatus[];

  @Field({ description: 'The candidate’s message to the employer (empty when none or erased).' })
  message!: string;

  @Field(() => [ScreeningAnswer], { description: 'Answers to the offer’s screening questions.' })
  answers!: ScreeningAnswer[];

  @Field(() => RejectionReason, { nullable: true, description: 'Why it was rejected, when REJECTED.' })
  rejectionReason!: RejectionReason | null;

  @Field(() => Offer, { description: 'The offer applied to.' })
  offer!: Offer;

  @Field(() => Candidate, {
    nullable: true,
    description: 'The candidate, as the viewer may see them (an ANONYMOUS profile without name or contact); null once the candidate’s data was erased.',
  })
  candidate!: Candidate | null;

  @Field(() => [ApplicationEvent], { description: 'Every move, oldest first, starting with SUBMITTED.' })
  history!: ApplicationEvent[];

  @Field(() => GraphQLISODateTime, { description: 'When it was sent.' })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When it last moved.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'An employer’s invitation to a marketplace candidate to apply to an offer.' })
@Directive('@shareable')
export class Invitation {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => InvitationStatus, { description: 'The candidate’s answer so far.' })
  status!: InvitationStatus;

  @Field({ description: 'The employer’s message (empty when none).' })
  message!: string;

  @Field(() => Offer, { description: 'The offer the candidate is invited to.' })
  offer!: Offer;

  @Field(() => Candidate, { description: 'The invited candidate, as the viewer may see them.' })
  candidate!: Candidate;

  @Field(() => ID, { nullable: true, description: 'The application made by accepting (or found, when the candidate had applied already).' })
  applicationId!: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When it was sent.' })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the candidate answered.' })
  answeredAt!: Date | null;
}

export const ApplicationConnection = ConnectionType(Application, 'Application', 'A page of applications.');
export const InvitationConnection = ConnectionType(Invitation, 'Invitation', 'A page of invitations.');
