import { Field, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ISO_DAY } from '@alternance/platform/domain';
import { Type } from 'class-transformer';
import { ContractType, HireContractType, RemotePolicy, SalaryPeriod } from '@alternance/offers/domain';
import { LocationInput } from '@alternance/taxonomy/graphql';
import { SkillLevel } from '@alternance/taxonomy/domain';

@InputType({ description: 'The job a POEI leads to.' })
export class HireContractInput {
  @Field(() => HireContractType, { description: 'Kind of contract.' })
  @IsEnum(HireContractType)
  type!: HireContractType;

  @Field(() => Int, { nullable: true, description: 'Length in months (required unless CDI), 1 to 60.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  durationMonths?: number;
}

@InputType({ description: 'A skill the offer asks for.' })
export class OfferSkillInput {
  @Field({ description: 'ROME skill code (see the `skills` query).' })
  @IsString()
  @Matches(/^\d{1,12}$/, { message: 'code must be a ROME skill code' })
  code!: string;

  @Field(() => SkillLevel, { description: 'Level needed.' })
  @IsEnum(SkillLevel)
  level!: SkillLevel;

  @Field({ description: 'Required (true) or nice to have (false).' })
  @IsBoolean()
  required!: boolean;
}

@InputType({ description: 'When the job can start.' })
export class StartWindowInput {
  @Field({ description: 'Earliest start, YYYY-MM-DD.' })
  @Matches(ISO_DAY, { message: 'earliest must be a date YYYY-MM-DD' })
  earliest!: string;

  @Field({ description: 'Latest start, YYYY-MM-DD, not before earliest.' })
  @Matches(ISO_DAY, { message: 'latest must be a date YYYY-MM-DD' })
  latest!: string;
}

@InputType({ description: 'Pay, gross.' })
export class SalaryInput {
  @Field(() => Int, { nullable: true, description: 'Lower bound.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  min?: number;

  @Field(() => Int, { nullable: true, description: 'Upper bound.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  max?: number;

  @Field({ nullable: true, description: 'ISO 4217 currency (EUR, GBP, USD); defaults to the country’s.' })
  @IsOptional()
  @IsIn(['EUR', 'GBP', 'USD'])
  currency?: string;

  @Field(() => SalaryPeriod, { nullable: true, description: 'What the amount is for (default MONTH).' })
  @IsOptional()
  @IsEnum(SalaryPeriod)
  period?: SalaryPeriod;
}

@InputType({ description: 'A new offer, saved as a draft.' })
export class CreateOfferInput {
  @Field({ nullable: true, description: 'The employer: required for staff, implied for employers.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field({ description: 'Job title, 3 to 200 characters.' })
  @IsString()
  @Length(3, 200)
  title!: string;

  @Field({ description: 'Description, up to 20,000 characters.' })
  @IsString()
  @Length(1, 20_000)
  description!: string;

  @Field(() => ContractType, { description: 'Contract offered.' })
  @IsEnum(ContractType)
  contractType!: ContractType;

  @Field(() => HireContractInput, { nullable: true, description: 'Required for POEI: the job after training.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => HireContractInput)
  hireContract?: HireContractInput;

  @Field({ description: 'ROME occupation code, e.g. M1805.' })
  @Matches(/^[A-N]\d{4}$/, { message: 'romeCode must look like M1805' })
  romeCode!: string;

  @Field(() => [OfferSkillInput], { nullable: true, description: 'Skills asked for (up to 40).' })
  @IsOptional()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => OfferSkillInput)
  skills?: OfferSkillInput[];

  @Field(() => [String], { nullable: true, description: 'Accepted training paths (ids, up to 20).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  programIds?: string[];

  @Field(() => LocationInput, { description: 'Where the job is.' })
  @ValidateNested()
  @Type(() => LocationInput)
  location!: LocationInput;

  @Field(() => RemotePolicy, { description: 'Remote work policy.' })
  @IsEnum(RemotePolicy)
  remotePolicy!: RemotePolicy;

  @Field(() => StartWindowInput, { description: 'When the job can start.' })
  @ValidateNested()
  @Type(() => StartWindowInput)
  startDate!: StartWindowInput;

  @Field(() => Int, { nullable: true, description: 'How many people are hired, 1 to 100 (default 1).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  positions?: number;

  @Field(() => SalaryInput, { nullable: true, description: 'Pay.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SalaryInput)
  salary?: SalaryInput;

  @Field(() => [String], { nullable: true, description: 'Up to 3 screening questions (300 characters each) every applicant answers.' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  @Matches(/\S/, { each: true, message: 'screening questions must not be blank' })
  screeningQuestions?: string[];
}

@InputType({ description: 'Changes to an offer; omitted fields stay as they are.' })
export class UpdateOfferInput extends PartialType(OmitType(CreateOfferInput, ['organizationId'] as const, InputType), InputType) {}
