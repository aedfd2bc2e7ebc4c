import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { OrganizationSize } from '@alternance/organizations/domain';

@InputType({ description: 'Accessibility commitments to change.' })
export class AccessibilityInput {
  @Field({ nullable: true, description: 'A named disability referent looks after apprentices.' })
  @IsOptional()
  @IsBoolean()
  disabilityReferent?: boolean;

  @Field(() => String, { nullable: true, description: 'Accommodations offered (up to 2,000 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  accommodations?: string | null;
}

@InputType({ description: 'Changes to an organization; omitted fields stay as they are.' })
export class UpdateOrganizationInput {
  @Field({ nullable: true, description: 'Which organization: required for staff, implied for employers.' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @Field({ nullable: true, description: 'Trading name (2 to 200 characters).' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Business sector.' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  sector?: string | null;

  @Field(() => OrganizationSize, { nullable: true, description: 'Headcount band.' })
  @IsOptional()
  @IsEnum(OrganizationSize)
  size?: OrganizationSize | null;

  @Field(() => AccessibilityInput, { nullable: true, description: 'Accessibility commitments.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AccessibilityInput)
  accessibility?: AccessibilityInput;
}
