import { Directive, Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Candidate } from '@alternance/candidates/graphql';
import { Offer } from '@alternance/offers/graphql';

@ObjectType({ description: 'One line of a match explanation.' })
@Directive('@shareable')
export class MatchReason {
  @Field({ description: 'Stable code, e.g. REQUIRED_SKILLS or AGE_ABOVE_MAXIMUM.' })
  code!: string;

  @Field({ description: 'What it means, in English.' })
  label!: string;

  @Field({ description: 'What it means, in French.' })
  labelFr!: string;

  @Field(() => Float, { description: 'Points it adds to the score (0 for a failed eligibility rule).' })
  contribution!: number;
}

@ObjectType({ description: 'A skill to learn before the job starts.' })
@Directive('@shareable')
export class GapSkill {
  @Field({ description: 'ROME skill code.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'Label.' })
  label!: string | null;
}

@ObjectType({ description: 'A training path that teaches the whole gap within the legal POE hours.' })
@Directive('@shareable')
export class GapProgram {
  @Field(() => ID, { description: 'Program id.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Title.' })
  title!: string | null;

  @Field(() => Float, { description: 'Training hours.' })
  trainingHours!: number;
}

@ObjectType({ description: 'For POE offers: what the candidate still has to learn, and which paths teach it.' })
@Directive('@shareable')
export class TrainingGap {
  @Field(() => [GapSkill], { description: 'Required skills not yet held at the needed level.' })
  skills!: GapSkill[];

  @Field(() => [GapProgram], { description: 'The offer’s paths that cover the whole gap, shortest first.' })
  coveredBy!: GapProgram[];
}

@ObjectType({ description: 'An offer matched to a candidate, with the reasons.' })
export class OfferMatch {
  @Field(() => Offer, { description: 'The offer.' })
  offer!: Offer;

  @Field(() => Float, { description: 'Score from 0 to 100.' })
  score!: number;

  @Field({ description: 'Whether the candidate meets the contract’s legal conditions.' })
  eligible!: boolean;

  @Field(() => [MatchReason], { description: 'Why: failed rules first, then each score component.' })
  reasons!: MatchReason[];

  @Field(() => TrainingGap, { nullable: true, description: 'POE offers only.' })
  trainingGap!: TrainingGap | null;
}

@ObjectType({ description: 'A candidate matched to an offer, with the reasons.' })
export class CandidateMatch {
  @Field(() => Candidate, { description: 'The candidate (without name or contact when ANONYMOUS).' })
  candidate!: Candidate;

  @Field(() => Float, { description: 'Score from 0 to 100.' })
  score!: number;

  @Field({ description: 'Whether the candidate meets the contract’s legal conditions.' })
  eligible!: boolean;

  @Field(() => [MatchReason], { description: 'Why: each score component (eligibility details are for staff only).' })
  reasons!: MatchReason[];

  @Field(() => TrainingGap, { nullable: true, description: 'POE offers only.' })
  trainingGap!: TrainingGap | null;
}
