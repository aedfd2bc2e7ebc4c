import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Country } from '@alternance/platform/domain';
import { OrganizationSize } from '@alternance/organizations/domain';

registerEnumType(OrganizationSize, {
  name: 'OrganizationSize',
  description: 'Headcount band: MICRO < 10, SMALL < 50, MEDIUM < 250, LARGE 250 or more.',
});

@ObjectType({ description: 'What an employer commits to for apprentices with disabilities.' })
@Directive('@shareable')
export class Accessibility {
  @Field({ description: 'A named disability referent (référent handicap) looks after apprentices.' })
  disabilityReferent!: boolean;

  @Field(() => String, { nullable: true, description: 'Workplace accommodations offered, in the employer’s words.' })
  accommodations!: string | null;
}

@ObjectType({ description: 'An employer: a company or public body that hires apprentices.' })
@Directive('@key(fields: "id")')
@Directive('@shareable')
export class Organization {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'Trading name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'French establishment number (14 digits, Luhn-checked); null outside France.' })
  siret!: string | null;

  @Field(() => Country, { description: 'Country of the organization.' })
  country!: Country;

  @Field(() => String, { nullable: true, description: 'Business sector, free text.' })
  sector!: string | null;

  @Field(() => OrganizationSize, { nullable: true, description: 'Headcount band.' })
  size!: OrganizationSize | null;

  @Field(() => Accessibility, { description: 'Accessibility commitments.' })
  accessibility!: Accessibility;

  @Field({ description: 'False for an employer known only from partner feeds: no member manages it yet (an employer claims it by signing up with its SIRET).' })
  claimed!: boolean;
}
