import { Directive, Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsIn, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { Country, Role } from '@alternance/platform/nest';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@alternance/identity/domain';
import { Organization } from '@alternance/organizations/graphql';
import { OrganizationSize } from '@alternance/organizations/domain';

@ObjectType({ description: 'An account.' })
@Directive('@shareable')
export class User {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'Email, lower-cased; also the login.' })
  email!: string;

  @Field(() => Role, { description: 'What the account is for.' })
  role!: Role;

  @Field({ description: 'Name shown to others.' })
  displayName!: string;

  /** Resolved from `organizationId` by a field resolver. */
  @Field(() => Organization, { nullable: true, description: 'The employer’s organization; null for other roles.' })
  organization?: Organization | null;

  organizationId!: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When the account was created.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A signed-in session: send the token as `Authorization: Bearer <accessToken>`.' })
export class AuthPayload {
  @Field({ description: 'Short-lived JWT access token.' })
  accessToken!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the token stops working.' })
  expiresAt!: Date;

  @Field(() => User, { description: 'The signed-in account.' })
  user!: User;
}

@InputType({ description: 'The employer an EMPLOYER account belongs to.' })
export class SignUpOrganizationInput {
  @Field({ description: 'Trading name, 2 to 200 characters.' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'SIRET (14 digits, Luhn-checked): required in France, absent elsewhere.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  siret?: string;

  @Field(() => Country, { description: 'Country.' })
  @IsEnum(Country)
  country!: Country;

  @Field(() => String, { nullable: true, description: 'Business sector.' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  sector?: string;

  @Field(() => OrganizationSize, { nullable: true, description: 'Headcount band.' })
  @IsOptional()
  @IsEnum(OrganizationSize)
  size?: OrganizationSize;
}

@InputType({ description: 'A new CANDIDATE or EMPLOYER account. Staff accounts are created by the CLI only.' })
export class SignUpInput {
  @Field({ description: 'Email address: the login.' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field({ description: `Password, ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.` })
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH)
  password!: string;

  @Field(() => Role, { description: 'CANDIDATE or EMPLOYER.' })
  @IsIn([Role.CANDIDATE, Role.EMPLOYER], { message: 'role must be CANDIDATE or EMPLOYER: staff accounts are not self-service' })
  role!: Role;

  @Field({ description: 'Name shown to others, 1 to 120 characters.' })
  @IsString()
  @Length(1, 120)
  displayName!: string;

  @Field(() => SignUpOrganizationInput, { nullable: true, description: 'Required for EMPLOYER: the organization.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SignUpOrganizationInput)
  organization?: SignUpOrganizationInput;
}

@InputType({ description: 'Credentials.' })
export class LogInInput {
  @Field({ description: 'Email address.' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @Field({ description: 'Password.' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}
