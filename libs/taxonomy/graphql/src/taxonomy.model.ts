import { Directive, Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SkillKind, SkillLevel } from '@alternance/taxonomy/domain';

registerEnumType(SkillLevel, { name: 'SkillLevel', description: 'How well a skill is mastered, or needed.' });
registerEnumType(SkillKind, {
  name: 'SkillKind',
  description: 'The ROME’s kinds of items.',
  valuesMap: {
    KNOW_HOW: { description: 'Savoir-faire: something one can do.' },
    SOFT_SKILL: { description: 'Savoir-être professionnel.' },
    KNOWLEDGE: { description: 'Savoir: something one knows.' },
  },
});

@ObjectType({ description: 'A skill of the ROME 4.0 referential.' })
@Directive('@shareable')
export class Skill {
  @Field({ description: 'ROME item code (code OGR).' })
  code!: string;

  @Field({ description: 'Label in French, as published.' })
  label!: string;

  @Field(() => SkillKind, { nullable: true, description: 'Kind of item.' })
  kind!: SkillKind | null;

  @Field(() => String, { nullable: true, description: 'Category within its kind, e.g. "Technique".' })
  category?: string | null;
}

@ObjectType({ description: 'A skill an occupation calls for.' })
@Directive('@shareable')
export class OccupationSkill {
  @Field(() => Skill, { description: 'The skill.' })
  skill!: Skill;

  @Field({ description: 'A core skill defines the occupation (cœur de métier, main or emerging).' })
  core!: boolean;
}

@ObjectType({ description: 'An occupation of the ROME 4.0 referential (fiche métier).' })
@Directive('@shareable')
export class Occupation {
  @Field({ description: 'ROME code, e.g. M1805.' })
  code!: string;

  @Field({ description: 'Label in French.' })
  label!: string;

  @Field({ description: 'Domain letter (A to N).' })
  domain!: string;

  @Field({ description: 'Domain label.' })
  domainLabel!: string;
}

@ObjectType({ description: 'A neighbouring occupation one can move to from another.' })
@Directive('@shareable')
export class NeighbouringOccupation {
  @Field(() => Occupation, { description: 'The neighbouring occupation.' })
  occupation!: Occupation;

  @Field(() => Int, { description: 'Position in the published list of neighbours (numero_ordre).' })
  rank!: number;
}

@ObjectType({ description: 'A French commune with one of its postcodes (La Poste).' })
export class Commune {
  @Field({ description: 'INSEE code of the commune.' })
  inseeCode!: string;

  @Field({ description: 'Name.' })
  name!: string;

  @Field({ description: 'Postcode.' })
  postcode!: string;

  @Field(() => Float, { nullable: true, description: 'Latitude (WGS84).' })
  lat!: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude (WGS84).' })
  lng!: number | null;
}
