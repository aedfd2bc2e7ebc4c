import { Directive, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ContractType } from '@alternance/offers/domain';
// Registers ContractType for GraphQL.
import '@alternance/offers/graphql';

export enum MentorFitReasonCode {
  SAME_OCCUPATION = 'SAME_OCCUPATION',
  SAME_OCCUPATION_FAMILY = 'SAME_OCCUPATION_FAMILY',
  SHARED_SKILLS = 'SHARED_SKILLS',
  SHARED_LANGUAGE = 'SHARED_LANGUAGE',
  TRAINED_IN_DISABILITY = 'TRAINED_IN_DISABILITY',
  PINNED = 'PINNED',
}
registerEnumType(MentorFitReasonCode, {
  name: 'MentorFitReasonCode',
  description: 'Why a mentor fits an apprentice.',
  valuesMap: {
    SAME_OCCUPATION: { description: 'The mentor mentors the hired offer’s occupation.' },
    SAME_OCCUPATION_FAMILY: { description: 'The mentor mentors an occupation of the same ROME family (letter and two digits).' },
    SHARED_SKILLS: { description: 'Skills both share.' },
    SHARED_LANGUAGE: { description: 'A language both speak.' },
    TRAINED_IN_DISABILITY: { description: 'A mentor trained in disability management for an apprentice who needs one.' },
    PINNED: { description: 'Staff pinned the pair by hand.' },
  },
});

@ObjectType({ description: 'A MENTOR account’s profile: what and how many they mentor.' })
@Directive('@shareable')
export class MentorProfile {
  @Field(() => ID, { description: 'Profile id.' })
  id!: string;

  @Field(() => ID, { description: 'The mentor’s account id.' })
  userId!: string;

  @Field({ description: 'The mentor’s name.' })
  displayName!: string;

  @Field(() => [String], { description: 'ROME occupation codes mentored.' })
  occupations!: string[];

  @Field(() => [String], { description: 'ROME skill codes mentored.' })
  skills!: string[];

  @Field(() => [String], { description: 'ISO 639-1 codes of the languages the mentor mentors in.' })
  languages!: string[];

  @Field(() => Int, { description: 'Mentees the mentor takes at once.' })
  weeklyCapacity!: number;

  @Field(() => String, { nullable: true, description: 'Day (YYYY-MM-DD) the mentor was trained in disability management; null when not trained.' })
  disabilityTrainedAt!: string | null;

  @Field(() => Int, { description: 'Mentees assigned today.' })
  menteeCount!: number;
}

@ObjectType({ description: 'A staff member trained as a disability referent.' })
@Directive('@shareable')
export class DisabilityReferent {
  @Field(() => ID, { description: 'The staff account id.' })
  userId!: string;

  @Field({ description: 'Their name.' })
  displayName!: string;

  @Field({ description: 'Day (YYYY-MM-DD) they were trained.' })
  trainedAt!: string;
}

@ObjectType({ description: 'One reason of a pair’s fit.' })
@Directive('@shareable')
export class MentorFitReason {
  @Field(() => MentorFitReasonCode, { description: 'Stable code.' })
  code!: MentorFitReasonCode;

  @Field({ description: 'In words.' })
  text!: string;
}

@ObjectType({ description: 'A hired apprentice and their mentor, proposed or stored.' })
@Directive('@shareable')
export class MentorPair {
  @Field(() => ID, { description: 'The HIRED application.' })
  applicationId!: string;

  @Field(() => ID, { description: 'The apprentice’s account id.' })
  apprenticeUserId!: string;

  @Field({ description: 'The apprentice’s name.' })
  apprenticeName!: string;

  @Field(() => ID, { description: 'The mentor’s account id.' })
  mentorUserId!: string;

  @Field({ description: 'The mentor’s name.' })
  mentorName!: string;

  @Field(() => ID, { nullable: true, description: 'The trained disability referent given to an apprentice who needs one, if any.' })
  referentUserId!: string | null;

  @Field(() => Int, { description: 'Fit from 0 to 100 (occupation, skills, language).' })
  fit!: number;

  @Field(() => [MentorFitReason], { description: 'Why, one line each.' })
  reasons!: MentorFitReason[];

  @Field({ description: 'Pinned by staff: the assignment keeps it.' })
  pinned!: boolean;

  @Field({ description: 'The apprentice needs a trained mentor and has one.' })
  disabilityGuaranteeMet!: boolean;
}

@ObjectType({ description: 'Trained places missing for apprentices who need a trained mentor or referent, in one place.' })
@Directive('@shareable')
export class MissingTrainedPlaces {
  @Field(() => String, { nullable: true, description: 'French region of the hired offer, or null when unknown.' })
  region!: string | null;

  @Field({ description: 'ROME occupation code of the hired offer.' })
  occupation!: string;

  @Field(() => Int, { description: 'Apprentices there without a trained mentor.' })
  missingMentorPlaces!: number;

  @Field(() => Int, { description: 'Apprentices there without a trained referent.' })
  missingReferents!: number;
}

@ObjectType({ description: 'The mentor assignment for every hired apprentice, proposed (dry run) or applied.' })
@Directive('@shareable')
export class MentorAssignmentResult {
  @Field({ description: 'True when nothing was written.' })
  dryRun!: boolean;

  @Field(() => [MentorPair], { description: 'Every pair, pinned ones included.' })
  pairs!: MentorPair[];

  @Field(() => [ID], { description: 'HIRED applications left without a mentor (no mentor with a place and a shared language).' })
  unassignedApplicationIds!: string[];

  @Field(() => Int, { description: 'Sum of the pairs’ fits.' })
  totalFit!: number;

  @Field(() => Int, { description: 'Apprentices with a recognised disability, declared with consent.' })
  trainedNeeded!: number;

  @Field(() => Int, { description: 'Of them, those with a trained mentor.' })
  trainedMentorsMet!: number;

  @Field(() => Int, { description: 'Of them, those with a trained referent.' })
  trainedReferentsMet!: number;

  @Field(() => [MissingTrainedPlaces], { description: 'Where trained places are missing (empty when every such apprentice has both).' })
  missingTrainedPlaces!: MissingTrainedPlaces[];
}

@ObjectType({ description: 'One of a mentor’s mentees, as the mentor sees them.' })
@Directive('@shareable')
export class Mentee {
  @Field(() => ID, { description: 'The HIRED application.' })
  applicationId!: string;

  @Field({ description: 'The mentee’s name.' })
  name!: string;

  @Field(() => ID, { description: 'The hired offer.' })
  offerId!: string;

  @Field({ description: 'The hired offer’s title.' })
  offerTitle!: string;

  @Field(() => ContractType, { description: 'The hired offer’s contract.' })
  contractType!: ContractType;

  @Field(() => [String], { description: 'Training paths of the offer (titles).' })
  trainingPaths!: string[];

  @Field({ description: 'The employer’s name.' })
  employer!: string;

  @Field(() => String, { nullable: true, description: 'The mentee’s accommodation need, only when they chose to share it with their mentor; null otherwise.' })
  accommodationNeed!: string | null;
}

@ObjectType({ description: 'Your mentoring preferences as an apprentice.' })
@Directive('@shareable')
export class MenteePreferences {
  @Field(() => [String], { description: 'ISO 639-1 codes of your languages, most comfortable first.' })
  languages!: string[];

  @Field(() => String, { nullable: true, description: 'An accommodation you need at work, in your words.' })
  accommodationNeed!: string | null;

  @Field({ description: 'Whether your mentor may read your accommodation need.' })
  shareAccommodationWithMentor!: boolean;
}

@ObjectType({ description: 'Your mentor, as an apprentice sees them.' })
@Directive('@shareable')
export class MyMentor {
  @Field(() => ID, { description: 'The HIRED application the mentor is for.' })
  applicationId!: string;

  @Field({ description: 'The mentor’s name.' })
  name!: string;

  @Field(() => [String], { description: 'Languages they mentor in.' })
  languages!: string[];
}
