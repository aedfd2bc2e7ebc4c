import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageArgs } from '@alternance/platform/nest';
import {
  ApplicationStatus,
  InvitationStatus,
  MAX_SCREENING_ANSWER_LENGTH,
  MAX_SCREENING_QUESTIONS,
  RejectionReason,
} from '@alternance/applications/domain';

const MAX_MESSAGE = 5000;
const MAX_NOTE = 2000;

@InputType({ description: 'An application to a published offer.' })
export class ApplyInput {
  @Field(() => ID, { description: 'The offer.' })
  @IsUUID()
  offerId!: string;

  @Field({ nullable: true, description: `A message to the employer, up to ${MAX_MESSAGE} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_MESSAGE)
  message?: string;

  @Field(() => [String], {
    nullable: true,
    description: `One answer per screening question of the offer, in order (required when it asks any), up to ${MAX_SCREENING_ANSWER_LENGTH} characters each.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SCREENING_QUESTIONS)
  @IsString({ each: true })
  @MaxLength(MAX_SCREENING_ANSWER_LENGTH, { each: true })
  answers?: string[];
}

@InputType({ description: 'What accepting an invitation sends with the application it makes.' })
export class AcceptInvitationInput {
  @Field({ nullable: true, description: `A message to the employer, up to ${MAX_MESSAGE} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_MESSAGE)
  message?: string;

  @Field(() => [String], { nullable: true, description: 'One answer per screening question of the offer, in order (required when it asks any).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SCREENING_QUESTIONS)
  @IsString({ each: true })
  @MaxLength(MAX_SCREENING_ANSWER_LENGTH, { each: true })
  answers?: string[];
}

@InputType({ description: 'An invitation to a marketplace candidate to apply to a published offer.' })
export class InviteInput {
  @Field(() => ID, { description: 'The offer (of your organization, unless you are staff).' })
  @IsUUID()
  offerId!: string;

  @Field(() => ID, { description: 'The candidate (PUBLIC or ANONYMOUS in the marketplace).' })
  @IsUUID()
  candidateId!: string;

  @Field({ nullable: true, description: `A message to the candidate, up to ${MAX_NOTE} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTE)
  message?: string;
}

@ArgsType()
export class MoveApplicationArgs {
  @Field(() => ID, { description: 'Application id.' })
  @IsString()
  @MaxLength(100)
  id!: string;

  @Field(() => ApplicationStatus, { description: 'The status to move to (see `Application.allowedMoves`).' })
  @IsEnum(ApplicationStatus)
  status!: ApplicationStatus;

  @Field({ nullable: true, description: `A note kept in the history; the candidate reads it. Up to ${MAX_NOTE} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTE)
  note?: string;

  @Field(() => RejectionReason, { nullable: true, description: 'Required with REJECTED, refused otherwise.' })
  @IsOptional()
  @IsEnum(RejectionReason)
  rejectionReason?: RejectionReason;
}

@ArgsType()
export class ApplicationPageArgs extends PageArgs {
  @Field(() => ApplicationStatus, { nullable: true, description: 'Only applications in this status.' })
  @IsOptional()
  @IsEnum(ApplicationStatus)
  status?: ApplicationStatus;
}

@ArgsType()
export class InvitationPageArgs extends PageArgs {
  @Field(() => InvitationStatus, { nullable: true, description: 'Only invitations with this answer.' })
  @IsOptional()
  @IsEnum(InvitationStatus)
  status?: InvitationStatus;
}
