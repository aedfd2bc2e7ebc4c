import { ArgsType, Directive, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ConnectionType, Country, PageArgs } from '@alternance/platform/nest';
import { Skill } from '@alternance/taxonomy/graphql';

@ObjectType({ description: 'A competency block of a path, validated by a project.' })
@Directive('@shareable')
export class CompetencyBlock {
  @Field({ description: 'Block code.' })
  code!: string;

  @Field({ description: 'What the block is about.' })
  title!: string;

  /** The block's ROME skill codes; `skills` is resolved from them only when asked for. */
  skillCodes!: string[];

  @Field(() => [Skill], { description: 'Skills the block teaches.' })
  skills?: Skill[];
}

@ObjectType({ description: 'A training path: a certification prepared in 6 to 18 months alongside the job.' })
@Directive('@key(fields: "id")')
@Directive('@shareable')
export class Program {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'The certification’s code (its RNCP record where it has one).' })
  code!: string;

  @Field({ description: 'Title of the certification.' })
  title!: string;

  @Field(() => Country, { description: 'Country the certification belongs to.' })
  country!: Country;

  @Field(() => String, { nullable: true, description: 'RNCP record, e.g. RNCP37566.' })
  rncpCode!: string | null;

  @Field(() => Int, { nullable: true, description: 'Certification level on the French scale, 3 (CAP) to 8 (doctorate).' })
  level!: number | null;

  @Field(() => [String], { description: 'ROME occupations the path prepares for.' })
  romeCodes!: string[];

  @Field(() => Int, { description: 'Length of the path in months.' })
  durationMonths!: number;

  @Field(() => Int, { description: 'Training days a week (the rest is at work).' })
  trainingDaysPerWeek!: number;

  @Field(() => Int, { description: 'Training hours in all.' })
  trainingHours!: number;

  @Field({ description: 'Short enough to serve as POE training (at most 600 hours).' })
  poeEligible!: boolean;

  @Field({ description: 'Open to apprenticeship contracts.' })
  openToApprenticeship!: boolean;

  @Field(() => [CompetencyBlock], { description: 'Competency blocks, each validated by a project.' })
  competencyBlocks!: CompetencyBlock[];
}

export const ProgramConnection = ConnectionType(Program, 'Program', 'A page of training paths.');

@InputType({ description: 'Narrows the list of paths; all given conditions must hold.' })
export class ProgramFilter {
  @Field(() => String, { nullable: true, description: 'Words of the title (accents and case ignored).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  query?: string;

  @Field(() => String, { nullable: true, description: 'Exact RNCP record.' })
  @IsOptional()
  @Matches(/^RNCP\d{1,6}$/, { message: 'rncpCode must look like RNCP37566' })
  rncpCode?: string;

  @Field(() => Int, { nullable: true, description: 'Certification level, 3 to 8.' })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(8)
  level?: number;

  @Field(() => String, { nullable: true, description: 'Paths preparing for this ROME occupation.' })
  @IsOptional()
  @Matches(/^[A-N]\d{4}$/, { message: 'romeCode must look like M1805' })
  romeCode?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only paths usable for POE training.' })
  @IsOptional()
  @IsBoolean()
  poeEligible?: boolean;

  @Field(() => Country, { nullable: true, description: 'Country.' })
  @IsOptional()
  @IsEnum(Country)
  country?: Country;
}

@ArgsType()
export class ProgramsArgs extends PageArgs {
  @Field(() => ProgramFilter, { nullable: true, description: 'Conditions on the paths.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProgramFilter)
  filter?: ProgramFilter;
}
