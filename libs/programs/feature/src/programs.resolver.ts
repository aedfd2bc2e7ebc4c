import { Args, ID, Parent, Query, ResolveReference, Resolver } from '@nestjs/graphql';
import { pageRequest } from '@alternance/platform/domain';
import { Public, toConnection } from '@alternance/platform/nest';
import { ProgramRepository } from '@alternance/programs/data-access';
import { Program, ProgramConnection, ProgramMapper, ProgramsArgs } from '@alternance/programs/graphql';

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
    const mapped = await this.mapper.toPrograms(page.items);
    return toConnection({ ...page, items: mapped }, (p) => p);
  }

  @Public()
  @Query(() => Program, { nullable: true, description: 'One training path by id.' })
  async program(@Args('id', { type: () => ID, description: 'Program id.' }) id: string) {
    const found = (await this.programRepository.byIds([id])).get(id);
    return found ? (await this.mapper.toPrograms([found]))[0] : null;
  }
}

/** How another service of the federated deployment gets a training path from its id (public). */
@Resolver(() => Program)
export class ProgramFieldsResolver {
  constructor(private readonly mapper: ProgramMapper) {}

  @Public()
  @ResolveReference()
  async resolveReference(@Parent() reference: { id: string }) {
    return (await this.mapper.byIds([reference.id]))[0] ?? null;
  }
}
