import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EducationLevel, Gender, QualificationLevel, RemotePreference, SituationBefore, Visibility } from '@alternance/candidates/domain';
import { Program } from '@alternance/programs/graphql';
import { Location, Skill } from '@alternance/taxonomy/graphql';
import { SkillLevel } from '@alternance/taxonomy/domain';

registerEnumType(Visibility, {
  name: 'Visibility',
  description: 'Who can find the profile in the talent marketplace.',
  valuesMap: {
    PUBLIC: { description: 'Employers see the profile with name.' },
    ANONYMOUS: { description: 'Employers see the profile without name or contact until the candidate accepts an invitation.' },
    HIDDEN: { description: 'Never shown in the marketplace.' },
  },
});
registerEnumType(RemotePreference, { name: 'RemotePreference', description: 'Where the candidate wants to work.' });
registerEnumType(EducationLevel, {
  name: 'EducationLevel',
  description: 'Highest education reached, on the French certification scale (LEVEL_3 = CAP … LEVEL_8 = doctorate).',
});
registerEnumType(Gender, { name: 'Gender', description: 'Self-declared, optional, used for aggregate reporting only.' });
registerEnumType(QualificationLevel, {
  name: 'QualificationLevel',
  description:
    'Highest qualification obtained (diploma or certification), on the French scale: NONE, then LEVEL_3 = CAP … LEVEL_8 = doctorate. Self-declared, optional, used for aggregate reporting only.',
});
registerEnumType(SituationBefore, {
  name: 'SituationBefore',
  description: 'What the person did before looking for an apprenticeship. Self-declared, optional, used for aggregate reporting only.',
});

@ObjectType({ description: 'A skill the candidate has.' })
@Directive('@shareable')
export class CandidateSkill {
  @Field(() => Skill, { description: 'The skill.' })
  skill!: Skill;

  @Field(() => SkillLevel, { description: 'Level reached.' })
  level!: SkillLevel;
}

export interface CandidatePrivateFields {
  birthDate: string | null;
  jobSeeker: boolean;
  disabilityRecognised: boolean | null;
  gender: Gender | null;
  highestQualification: QualificationLevel | null;
  livesInQpv: boolean | null;
  internationalProtection: boolean | null;
  situationBefore: SituationBefore | null;
  sensitiveDataConsent: boolean;
}

@ObjectType({ description: 'A candidate’s profile on the talent marketplace.' })
@Directive('@key(fields: "id")')
@Directive('@shareable')
export class Candidate {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  /** The owning account: used for authorisation, never exposed. */
  userId!: string;

  /** Private values, read only by the guarded field resolvers below. */
  privateFields!: CandidatePrivateFields;

  /** The name as masked for the viewer; the `displayName` field resolver may reveal it (applications context). */
  displayName!: string | null;

  /** The email as masked for the viewer; the `email` field resolver may reveal it (applications context). */
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'One line about what the candidate looks for.' })
  headline!: string | null;

  @Field(() => [CandidateSkill], { description: 'Skills with levels.' })
  skills!: CandidateSkill[];

  @Field(() => [String], { description: 'ROME occupations the candidate wants.' })
  desiredRomeCodes!: string[];

  /** Resolved by a field resolver from `programIds`. */
  programs?: Program[];

  programIds!: string[];

  @Field(() => Location, { nullable: true, description: 'Where the candidate lives.' })
  location!: Location | null;

  @Field(() => Int, { description: 'How far the candidate will travel, in km.' })
  mobilityRadiusKm!: number;

  @Field(() => RemotePreference, { description: 'Remote work preference.' })
  remotePreference!: RemotePreference;

  @Field(() => String, { nullable: true, description: 'Available from (YYYY-MM-DD).' })
  availableFrom!: string | null;

  @Field(() => EducationLevel, { nullable: true, description: 'Highest education reached.' })
  educationLevel!: EducationLevel | null;

  @Field(() => Visibility, { description: 'Who can find the profile.' })
  visibility!: Visibility;

  @Field(() => GraphQLISODateTime, { description: 'When the profile last changed.' })
  updatedAt!: Date;
}
