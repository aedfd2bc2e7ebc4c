import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ISO_DAY } from '@alternance/platform/domain';
import { Type } from 'class-transformer';
import {
  EducationLevel,
  Gender,
  MAX_MOBILITY_RADIUS_KM,
  QualificationLevel,
  RemotePreference,
  SENSITIVE_FIELD_REASONS as WHY,
  SituationBefore,
  Visibility,
} from '@alternance/candidates/domain';
import { LocationInput } from '@alternance/taxonomy/graphql';
import { SkillLevel } from '@alternance/taxonomy/domain';

@InputType({ description: 'A skill the candidate has.' })
export class CandidateSkillInput {
  @Field({ description: 'ROME skill code (see the `skills` query).' })
  @Matches(/^\d{1,12}$/, { message: 'code must be a ROME skill code' })
  code!: string;

  @Field(() => SkillLevel, { description: 'Level reached.' })
  @IsEnum(SkillLevel)
  level!: SkillLevel;
}

@InputType({ description: 'The candidate’s profile; omitted fields stay as they are (or take defaults on creation).' })
export class CandidateProfileInput {
  @Field(() => String, { nullable: true, description: 'One line about what you look for (up to 200 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  headline?: string | null;

  @Field(() => [CandidateSkillInput], { nullable: true, description: 'Skills with levels (up to 60).' })
  @IsOptional()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => CandidateSkillInput)
  skills?: CandidateSkillInput[];

  @Field(() => [String], { nullable: true, description: 'ROME occupations you want (up to 10).' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(/^[A-N]\d{4}$/, { each: true, message: 'desiredRomeCodes must hold ROME codes like M1805' })
  desiredRomeCodes?: string[];

  @Field(() => [String], { nullable: true, description: 'Training paths you follow or target (ids, up to 10).' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  programIds?: string[];

  @Field(() => LocationInput, { nullable: true, description: 'Where you live.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationInput)
  location?: LocationInput | null;

  @Field(() => Int, { nullable: true, description: `How far you will travel, 0 to ${MAX_MOBILITY_RADIUS_KM} km.` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MOBILITY_RADIUS_KM)
  mobilityRadiusKm?: number;

  @Field(() => RemotePreference, { nullable: true, description: 'Remote work preference.' })
  @IsOptional()
  @IsEnum(RemotePreference)
  remotePreference?: RemotePreference;

  @Field(() => String, { nullable: true, description: 'Available from, YYYY-MM-DD.' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'availableFrom must be a date YYYY-MM-DD' })
  availableFrom?: string | null;

  @Field(() => EducationLevel, { nullable: true, description: 'Highest education reached.' })
  @IsOptional()
  @IsEnum(EducationLevel)
  educationLevel?: EducationLevel | null;

  @Field(() => Visibility, { nullable: true, description: 'Who can find your profile (default HIDDEN).' })
  @IsOptional()
  @IsEnum(Visibility)
  visibility?: Visibility;

  @Field(() => String, { nullable: true, description: 'PRIVATE. Birth date, YYYY-MM-DD: decides contract eligibility.' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'birthDate must be a date YYYY-MM-DD' })
  birthDate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'PRIVATE. Registered job seeker: opens POE and some contracts.' })
  @IsOptional()
  @IsBoolean()
  jobSeeker?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'PRIVATE. Consent to keep disability status, gender and the priority categories (highestQualification, livesInQpv, internationalProtection, situationBefore); false erases all of them.' })
  @IsOptional()
  @IsBoolean()
  sensitiveDataConsent?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'PRIVATE. Recognised disability (RQTH): lifts the apprenticeship age limit. Needs consent.' })
  @IsOptional()
  @IsBoolean()
  disabilityRecognised?: boolean | null;

  @Field(() => Gender, { nullable: true, description: 'PRIVATE. Self-declared gender, for aggregate reporting only. Needs consent.' })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender | null;

  @Field(() => QualificationLevel, {
    nullable: true,
    description: `PRIVATE. Highest qualification obtained (NONE, or LEVEL_3 to LEVEL_8); null erases it. Needs consent. Why: ${WHY.highestQualification}`,
  })
  @IsOptional()
  @IsEnum(QualificationLevel)
  highestQualification?: QualificationLevel | null;

  @Field(() => Boolean, {
    nullable: true,
    description: `PRIVATE. Lives in a priority urban area (QPV); null erases it. Needs consent. Why: ${WHY.livesInQpv}`,
  })
  @IsOptional()
  @IsBoolean()
  livesInQpv?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: `PRIVATE. Refugee or beneficiary of international protection; null erases it. Needs consent. Why: ${WHY.internationalProtection}`,
  })
  @IsOptional()
  @IsBoolean()
  internationalProtection?: boolean | null;

  @Field(() => SituationBefore, {
    nullable: true,
    description: `PRIVATE. Situation before the apprenticeship (student, job seeker, employed, other); null erases it. Needs consent. Why: ${WHY.situationBefore}`,
  })
  @IsOptional()
  @IsEnum(SituationBefore)
  situationBefore?: SituationBefore | null;
}
