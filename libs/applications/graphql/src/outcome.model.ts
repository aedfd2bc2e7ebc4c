import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { OutcomeKind } from '@alternance/applications/domain';

registerEnumType(OutcomeKind, {
  name: 'OutcomeKind',
  description: 'How an apprentice is doing six months after their apprenticeship.',
  valuesMap: {
    CDI: { description: 'Employed on a permanent contract.' },
    CDD: { description: 'Employed on a fixed-term contract.' },
    APPRENTICESHIP: { description: 'On another apprenticeship or professionalisation contract.' },
    FURTHER_STUDY: { description: 'Studying (not employed).' },
    SELF_EMPLOYED: { description: 'Self-employed.' },
    OTHER: { description: 'Something else (employed or not, as answered).' },
  },
});

@InputType({ description: 'An answer to the six-month outcome question, through the signed link of its notice (no sign-in).' })
export class RecordOutcomeInput {
  @Field({ description: 'The token of the link in the notice or mail.' })
  @IsString()
  @MaxLength(2000)
  token!: string;

  @Field({ description: 'Employed now.' })
  @IsBoolean()
  employed!: boolean;

  @Field(() => OutcomeKind, { nullable: true, description: 'How: required when employed (CDI, CDD, APPRENTICESHIP, SELF_EMPLOYED, OTHER); FURTHER_STUDY, OTHER or none when not.' })
  @IsOptional()
  @IsEnum(OutcomeKind)
  kind?: OutcomeKind | null;
}

@ObjectType({ description: 'The answer recorded for an outcome question.' })
export class OutcomeAnswer {
  @Field({ description: 'Employed now.' })
  employed!: boolean;

  @Field(() => OutcomeKind, { nullable: true, description: 'How.' })
  kind!: OutcomeKind | null;

  @Field({ description: 'When the answer was recorded (a later answer through the link replaces it).' })
  answeredAt!: Date;

  @Field({ description: 'The planned end of the apprenticeship the question is about (YYYY-MM-DD).' })
  plannedEnd!: string;
}
