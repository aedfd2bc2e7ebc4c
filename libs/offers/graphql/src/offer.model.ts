import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ContractType, HireContractType, OfferStatus, RemotePolicy, SalaryPeriod } from '@alternance/offers/domain';
import { Organization } from '@alternance/organizations/graphql';
import { Program } from '@alternance/programs/graphql';
import { Location, Skill } from '@alternance/taxonomy/graphql';
import { SkillLevel } from '@alternance/taxonomy/domain';

registerEnumType(ContractType, {
  name: 'ContractType',
  description: 'The contract the offer is for.',
  valuesMap: {
    APPRENTICESHIP: { description: 'Contrat d’apprentissage: a job and a certifying path.' },
    PROFESSIONALISATION: { description: 'Contrat de professionnalisation.' },
    POEI: { description: 'Individual POE: a job seeker is trained, then hired (see hireContract).' },
    POEC: { description: 'Collective POE: job seekers trained for a sector, with no hire promise.' },
  },
});
registerEnumType(HireContractType, { name: 'HireContractType', description: 'The contract a POEI leads to.' });
registerEnumType(RemotePolicy, { name: 'RemotePolicy', description: 'Where the work is done.' });
registerEnumType(OfferStatus, {
  name: 'OfferStatus',
  description: 'Life of an offer: DRAFT → PUBLISHED → FILLED or CLOSED.',
});
registerEnumType(SalaryPeriod, { name: 'SalaryPeriod', description: 'What a salary amount is paid for.' });

@ObjectType({ description: 'The job a POEI leads to after training.' })
@Directive('@shareable')
export class HireContract {
  @Field(() => HireContractType, { description: 'Kind of contract.' })
  type!: HireContractType;

  @Field(() => Int, { nullable: true, description: 'Length in months for fixed-term contracts.' })
  durationMonths!: number | null;
}

@ObjectType({ description: "Where to apply to an offer imported from a partner: on the partner's page, or by mail." })
@Directive('@shareable')
export class PartnerApplication {
  @Field(() => String, { nullable: true, description: "The partner's page for the offer, where candidates apply." })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'The address candidates write to, when the partner gives one instead of a page.' })
  email!: string | null;
}

@ObjectType({ description: 'A skill the offer asks for.' })
@Directive('@shareable')
export class OfferSkill {
  @Field(() => Skill, { description: 'The skill.' })
  skill!: Skill;

  @Field(() => SkillLevel, { description: 'Level needed.' })
  level!: SkillLevel;

  @Field({ description: 'True if required, false if nice to have.' })
  required!: boolean;
}

@ObjectType({ description: 'When the job can start (dates as YYYY-MM-DD).' })
@Directive('@shareable')
export class StartWindow {
  @Field({ description: 'Earliest start date.' })
  earliest!: string;

  @Field({ description: 'Latest start date.' })
  latest!: string;
}

@ObjectType({ description: 'Pay, gross.' })
@Directive('@shareable')
export class Salary {
  @Field(() => Int, { nullable: true, description: 'Lower bound.' })
  min!: number | null;

  @Field(() => Int, { nullable: true, description: 'Upper bound.' })
  max!: number | null;

  @Field({ description: 'ISO 4217 currency, e.g. EUR.' })
  currency!: string;

  @Field(() => SalaryPeriod, { description: 'What the amount is paid for.' })
  period!: SalaryPeriod;
}

@ObjectType({ description: 'A job offer on the board: an apprenticeship, a professionalisation contract or a POE.' })
@Directive('@key(fields: "id")')
@Directive('@shareable')
export class Offer {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'Job title.' })
  title!: string;

  @Field({ description: 'What the job is, in the employer’s words.' })
  description!: string;

  /** Resolved by a field resolver from `organizationId`. */
  organization?: Organization;

  organizationId!: string;

  @Field(() => ContractType, { description: 'Contract offered.' })
  contractType!: ContractType;

  @Field(() => HireContract, { nullable: true, description: 'For POEI: the job after training.' })
  hireContract!: HireContract | null;

  @Field({ description: 'ROME occupation code.' })
  romeCode!: string;

  @Field(() => [OfferSkill], { description: 'Skills asked for.' })
  skills!: OfferSkill[];

  /** Resolved by a field resolver from `programIds`. */
  programs?: Program[];

  programIds!: string[];

  @Field(() => Location, { description: 'Where the job is.' })
  location!: Location;

  @Field(() => RemotePolicy, { description: 'Remote work policy.' })
  remotePolicy!: RemotePolicy;

  @Field(() => StartWindow, { description: 'When the job can start.' })
  startDate!: StartWindow;

  @Field(() => Int, { description: 'How many people are hired.' })
  positions!: number;

  @Field(() => [String], { description: 'Questions every applicant answers (up to 3; empty when none).' })
  screeningQuestions!: string[];

  @Field(() => Salary, { nullable: true, description: 'Pay, when published.' })
  salary!: Salary | null;

  @Field(() => OfferStatus, { description: 'Where the offer is in its life.' })
  status!: OfferStatus;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was published.' })
  publishedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it leaves the board.' })
  expiresAt!: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When it last changed.' })
  updatedAt!: Date;

  /** Resolved by a field resolver (applications context). */
  applicationsCount!: number;

  @Field(() => PartnerApplication, {
    nullable: true,
    description: "Set when the offer comes from a partner feed whose candidates apply on the partner's side; null: apply here (applyToOffer).",
  })
  partnerApplication!: PartnerApplication | null;

  @Field(() => String, { nullable: true, description: 'The diploma or level the offer names, as its partner published it (imported offers).' })
  diploma!: string | null;

  @Field({ description: 'An imported offer whose occupation could not be told from its title with confidence: kept as a draft for staff to check.' })
  occupationToReview!: boolean;
}
