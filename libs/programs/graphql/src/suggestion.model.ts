import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMinSize, ArrayUnique, IsArray, IsEnum, IsInt, IsOptional, IsString, Max, Min, ValidateBy } from 'class-validator';
import { SuggestionKind } from '@alternance/programs/domain';
import { SkillKind } from '@alternance/taxonomy/domain';

registerEnumType(SuggestionKind, {
  name: 'SuggestionKind',
  description: 'What an autocomplete suggestion names.',
  valuesMap: {
    JOB_TITLE: { description: 'A ROME job title (appellation), with its occupation’s ROME code.' },
    OCCUPATION: { description: 'A ROME occupation (fiche métier).' },
    COMMUNE: { description: 'A French commune with one of its postcodes (La Poste).' },
    PROGRAM: { description: 'A training path (certification open to apprenticeship).' },
    SKILL: { description: 'A ROME skill: know-how, soft skill or knowledge.' },
  },
});

export const SUGGEST_DEFAULT_FIRST = 8;
export const SUGGEST_MAX_FIRST = 20;
export const SUGGEST_MAX_PREFIX = 100;

@ObjectType({ description: 'One entry of an autocomplete list: what to show, what to use, and the fields its kind needs (null for the other kinds).' })
export class Suggestion {
  @Field(() => SuggestionKind, { description: 'What the suggestion names.' })
  kind!: SuggestionKind;

  @Field({ description: 'Text to show. A commune’s carries its postcode, e.g. "Lyon 03 (69003)": several communes share a name.' })
  label!: string;

  @Field({
    description:
      'What to use: the job title’s code (code OGR), the occupation’s ROME code, the skill’s code, the commune’s INSEE code (a commune with several postcodes comes once per postcode), or the training path’s id.',
  })
  value!: string;

  @Field(() => String, { nullable: true, description: 'JOB_TITLE: its occupation’s ROME code. OCCUPATION: its own.' })
  romeCode!: string | null;

  @Field(() => SkillKind, { nullable: true, description: 'SKILL: the kind of item.' })
  skillKind!: SkillKind | null;

  @Field(() => String, { nullable: true, description: 'COMMUNE: its name, without the postcode.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'COMMUNE: the postcode.' })
  postcode!: string | null;

  @Field(() => String, { nullable: true, description: 'COMMUNE: the INSEE code.' })
  inseeCode!: string | null;

  @Field(() => Float, { nullable: true, description: 'COMMUNE: latitude (WGS84), when La Poste gives one.' })
  lat!: number | null;

  @Field(() => Float, { nullable: true, description: 'COMMUNE: longitude (WGS84), when La Poste gives one.' })
  lng!: number | null;

  @Field(() => Int, { nullable: true, description: 'PROGRAM: certification level, 3 (CAP) to 8 (doctorate).' })
  level!: number | null;

  @Field(() => String, { nullable: true, description: 'PROGRAM: RNCP record, e.g. RNCP37566.' })
  rncpCode!: string | null;
}

/** Bounds on the text once surrounding spaces are removed; the text itself is kept (a final space means "whole word"). */
function TrimmedLength(min: number, max: number) {
  return ValidateBy({
    name: 'trimmedLength',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.trim().length >= min && value.trim().length <= max,
      defaultMessage: (args) => `${args?.property ?? 'the text'} must be ${min} to ${max} characters long, spaces around it not counted`,
    },
  });
}

@ArgsType()
export class SuggestArgs {
  @Field(() => String, {
    description: `What was typed so far, 1 to ${SUGGEST_MAX_PREFIX} characters (spaces around it not counted). Every word must match a word of the label (accents and case ignored; hyphens and apostrophes separate words): exactly, by its start, or with typos (one from 5 letters, two from 9). A final space asks for the last word whole.`,
  })
  @IsString()
  @TrimmedLength(1, SUGGEST_MAX_PREFIX)
  prefix!: string;

  @Field(() => [SuggestionKind], { nullable: true, description: 'Kinds to suggest, at least one (default: all).' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(SuggestionKind, { each: true })
  kinds?: SuggestionKind[];

  @Field(() => Int, { nullable: true, description: `How many suggestions, 1 to ${SUGGEST_MAX_FIRST} (default ${SUGGEST_DEFAULT_FIRST}).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(SUGGEST_MAX_FIRST)
  first?: number;
}
