import { Args, ArgsType, Field, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { pageRequest } from '@alternance/platform/domain';
import { ConnectionType, PageArgs, Public, toConnection } from '@alternance/platform/nest';
import { OccupationEntity, SkillEntity, TaxonomyRepository } from '@alternance/taxonomy/data-access';
import { ROME_DOMAINS, SkillKind, romeDomain } from '@alternance/taxonomy/domain';
import { Commune, NeighbouringOccupation, Occupation, OccupationSkill, Skill } from '@alternance/taxonomy/graphql';

export const OccupationConnection = ConnectionType(Occupation, 'Occupation', 'A page of ROME occupations.');
export const SkillConnection = ConnectionType(Skill, 'Skill', 'A page of ROME skills.');

export function toOccupation(o: OccupationEntity): Occupation {
  const domain = romeDomain(o.code);
  return { code: o.code, label: o.label, domain, domainLabel: ROME_DOMAINS[domain] ?? domain };
}

export function toSkill(s: SkillEntity): Skill {
  return { code: s.code, label: s.label, kind: s.kind, category: s.category };
}

@ArgsType()
class OccupationsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Words of the label (accents and case ignored).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  query?: string;
}

@ArgsType()
class SkillsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Words of the label (accents and case ignored).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  query?: string;

  @Field(() => SkillKind, { nullable: true, description: 'Only this kind of item.' })
  @IsOptional()
  @IsEnum(SkillKind)
  kind?: SkillKind;

  @Field(() => String, { nullable: true, description: 'Only skills of this ROME occupation.' })
  @IsOptional()
  @Matches(/^[A-N]\d{4}$/, { message: 'romeCode must look like M1805' })
  romeCode?: string;
}

@ArgsType()
class CommunesArgs {
  @Field(() => String, { nullable: true, description: 'French postcode, 5 digits.' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'postcode must be 5 digits' })
  postcode?: string;

  @Field(() => String, { nullable: true, description: 'INSEE commune code.' })
  @IsOptional()
  @Matches(/^(\d{5}|2[AB]\d{3})$/, { message: 'inseeCode must be an INSEE commune code' })
  inseeCode?: string;
}

/** Reference data for pickers: open to everyone, read-only. */
@Resolver(() => Occupation)
export class TaxonomyResolver {
  constructor(private readonly taxonomy: TaxonomyRepository) {}

  @Public()
  @Query(() => OccupationConnection, { description: 'ROME 4.0 occupations, optionally filtered by words of their label.' })
  async occupations(@Args() args: OccupationsArgs) {
    const page = await this.taxonomy.searchOccupations(args.query, pageRequest(args.first, args.after));
    return toConnection(page, toOccupation);
  }

  @Public()
  @Query(() => Occupation, { nullable: true, description: 'One occupation by ROME code.' })
  async occupation(@Args('code', { description: 'ROME code, e.g. M1805.' }) code: string) {
    const found = await this.taxonomy.findOccupation(code);
    return found ? toOccupation(found) : null;
  }

  @Public()
  @Query(() => SkillConnection, { description: 'ROME skills, filtered by words, kind or occupation.' })
  async skills(@Args() args: SkillsArgs) {
    const page = await this.taxonomy.searchSkills(
      { query: args.query, kind: args.kind, romeCode: args.romeCode },
      pageRequest(args.first, args.after),
    );
    return toConnection(page, toSkill);
  }

  @Public()
  @Query(() => [Commune], { description: 'French communes for a postcode or INSEE code (at most 50).' })
  async communes(@Args() args: CommunesArgs) {
    if (!args.postcode && !args.inseeCode) return [];
    return this.taxonomy.communes(args, 50);
  }

  @Public()
  @ResolveField(() => [OccupationSkill], { description: 'Skills of the occupation, core skills first.' })
  async skillsNeeded(@Parent() occupation: Occupation): Promise<OccupationSkill[]> {
    const rows = await this.taxonomy.skillsOfOccupation(occupation.code);
    return rows.map(({ link, skill }) => ({ skill: toSkill(skill), core: link.core }));
  }

  @Public()
  @ResolveField(() => [NeighbouringOccupation], { description: 'Occupations one can move to from this one.' })
  async neighbours(@Parent() occupation: Occupation): Promise<NeighbouringOccupation[]> {
    const links = await this.taxonomy.neighbours(occupation.code);
    const targets = await this.taxonomy.occupationsByCodes(links.map((l) => l.targetCode));
    return links.flatMap((l) => {
      const target = targets.get(l.targetCode);
      return target ? [{ occupation: toOccupation(target), rank: l.rank }] : [];
    });
  }
}
