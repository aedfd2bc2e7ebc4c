import { Args, Context, ID, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { pageRequest } from '@alternance/platform/domain';
import { Public, requestLoader, toConnection } from '@alternance/platform/nest';
import { ProgramRepository } from '@alternance/programs/data-access';
import { CompetencyBlock, Program, ProgramConnection, ProgramMapper, ProgramsArgs } from '@alternance/programs/graphql';
import { Skill } from '@alternance/taxonomy/graphql';

/** The catalogue of training paths: public, read-only. */
@Resolver(() => Program)
export class ProgramsResolver {
  constructor(
    private readonly programRepository: ProgramRepository,
    private readonly mapper: ProgramMapper,
  ) {}

  @Public()
  @Query(() => ProgramConnection, { description: 'Training paths (certifications open to apprenticeship), filtered and paged.' })
  async programs(@Args() args: ProgramsArgs) {
    const page = await this.programRepository.search(args.filter ?? {}, pageRequest(args.first, args.after));
    return toConnection({ ...page, items: this.mapper.toPrograms(page.items) }, (p) => p);
  }

  @Public()
  @Query(() => Program, { nullable: true, description: 'One training path by id.' })
  async program(@Args('id', { type: () => ID, description: 'Program id.' }) id: string) {
    const found = (await this.programRepository.byIds([id])).get(id);
    return found ? this.mapper.toPrograms([found])[0] : null;
  }
}

/** The skills of competency blocks: read only when a query selects them, for all the blocks of the request at once. */
@Resolver(() => CompetencyBlock)
export class CompetencyBlockResolver {
  constructor(private readonly mapper: ProgramMapper) {}

  @Public()
  @ResolveField(() => [Skill], { description: 'Skills the block teaches.' })
  async skills(@Parent() block: CompetencyBlock, @Context() context: object): Promise<Skill[]> {
    const skills = requestLoader(context, CompetencyBlock, (codes: string[]) => this.mapper.skillsByCodes(codes));
    const found = await Promise.all(block.skillCodes.map((code) => skills.load(code)));
    return found.filter((s): s is Skill => s !== null);
  }
}

/** How another service of the federated deployment gets a training path from its id (public). */
@Resolver(() => Program)
export class ProgramFieldsResolver {
  constructor(private readonly mapper: ProgramMapper) {}

  @Public()
  @ResolveReference()
  async resolveReference(@Parent() reference: { id: string }, @Context() context: object) {
    // A plan asks for a list's training paths together: one read for all of them.
    return requestLoader(context, ProgramFieldsResolver, async (ids: string[]) => new Map((await this.mapper.byIds(ids)).map((p) => [p.id, p]))).load(reference.id);
  }
}
