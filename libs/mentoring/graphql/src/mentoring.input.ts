import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { ISO_DAY } from '@alternance/platform/domain';
import { LANGUAGE_CODE, MAX_ACCOMMODATION_LENGTH, MAX_LANGUAGES, MAX_OCCUPATIONS, MAX_SKILLS, MAX_WEEKLY_CAPACITY, ROME_CODE, SKILL_CODE } from '@alternance/mentoring/domain';

@InputType({ description: 'A mentor profile’s fields; omitted fields stay as they are (or take defaults on creation).' })
export class MentorProfileInput {
  @Field(() => [String], { nullable: true, description: `ROME occupation codes mentored (up to ${MAX_OCCUPATIONS}).` })
  @IsOptional()
  @ArrayMaxSize(MAX_OCCUPATIONS)
  @ArrayUnique()
  @Matches(ROME_CODE, { each: true, message: 'each occupation must be a ROME code (e.g. M1805)' })
  occupations?: string[];

  @Field(() => [String], { nullable: true, description: `ROME skill codes mentored (up to ${MAX_SKILLS}).` })
  @IsOptional()
  @ArrayMaxSize(MAX_SKILLS)
  @ArrayUnique()
  @Matches(SKILL_CODE, { each: true, message: 'each skill must be a ROME skill code' })
  skills?: string[];

  @Field(() => [String], { nullable: true, description: `ISO 639-1 codes of the languages mentored in (1 to ${MAX_LANGUAGES}).` })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LANGUAGES)
  @ArrayUnique()
  @Matches(LANGUAGE_CODE, { each: true, message: 'each language must be an ISO 639-1 code (e.g. fr)' })
  languages?: string[];

  @Field(() => Int, { nullable: true, description: `Mentees taken at once (0 to ${MAX_WEEKLY_CAPACITY}).` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_WEEKLY_CAPACITY)
  weeklyCapacity?: number;

  @Field(() => String, { nullable: true, description: 'Day (YYYY-MM-DD) of the disability management training; null for none.' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'disabilityTrainedAt must be a date (YYYY-MM-DD)' })
  disabilityTrainedAt?: string | null;
}

@InputType({ description: 'Pin a hired apprentice to a mentor, or move them to another mentor.' })
export class MentorPinInput {
  @Field(() => ID, { description: 'The HIRED application.' })
  @IsUUID()
  applicationId!: string;

  @Field(() => ID, { description: 'The MENTOR account.' })
  @IsUUID()
  mentorUserId!: string;
}

@InputType({ description: 'Your mentoring preferences; omitted fields stay as they are.' })
export class MenteePreferencesInput {
  @Field(() => [String], { nullable: true, description: `ISO 639-1 codes of your languages, most comfortable first (1 to ${MAX_LANGUAGES}).` })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LANGUAGES)
  @ArrayUnique()
  @Matches(LANGUAGE_CODE, { each: true, message: 'each language must be an ISO 639-1 code (e.g. fr)' })
  languages?: string[];

  @Field(() => String, { nullable: true, description: `An accommodation you need at work (up to ${MAX_ACCOMMODATION_LENGTH} characters); null erases it.` })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ACCOMMODATION_LENGTH)
  accommodationNeed?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether your mentor may read your accommodation need (false by default).' })
  @IsOptional()
  @IsBoolean()
  shareAccommodationWithMentor?: boolean;
}

@InputType({ description: 'Set or clear a staff member’s disability referent training.' })
export class DisabilityReferentInput {
  @Field(() => ID, { description: 'The staff account (RECRUITER or ADMIN).' })
  @IsUUID()
  userId!: string;

  @Field(() => String, { nullable: true, description: 'Day (YYYY-MM-DD) of the training; null: not a trained referent.' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'trainedAt must be a date (YYYY-MM-DD)' })
  trainedAt?: string | null;
}
