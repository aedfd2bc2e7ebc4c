import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { EntityManager } from '@mikro-orm/core';
import { InvalidInputException, Role } from '@alternance/platform/domain';
import { Roles } from '@alternance/platform/nest';
import { ImportRunEntity } from '@alternance/imports/data-access';
import { ImportRun, toImportRun } from '@alternance/imports/graphql';
import { OfferEntity } from '@alternance/offers/data-access';
import { OfferStatus } from '@alternance/offers/domain';
import { Offer, toOffer } from '@alternance/offers/graphql';

@Resolver(() => ImportRun)
export class ImportsResolver {
  constructor(private readonly em: EntityManager) {}

  @Roles(Role.RECRUITER, Role.ADMIN)
  @Query(() => [ImportRun], { description: 'Staff: the latest partner-feed imports, newest first, with their counts.' })
  async importRuns(
    @Args('source', { type: () => String, nullable: true, description: 'Only this source (hellowork, apec…).' }) source?: string,
    @Args('first', { type: () => Int, defaultValue: 20, description: 'How many runs (1 to 100).' }) first = 20,
  ) {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw InvalidInputException.field('first', 'must be between 1 and 100');
    const runs = await this.em.fork().find(ImportRunEntity, source ? { source } : {}, { orderBy: { startedAt: 'desc', id: 'desc' }, limit: first });
    return runs.map(toImportRun);
  }

  @Roles(Role.RECRUITER, Role.ADMIN)
  @Query(() => [Offer], {
    description:
      'Staff: imported offers kept as drafts because their occupation could not be told from their title with confidence, oldest first. Set the occupation with updateOffer (romeCode), then publishOffer.',
  })
  async offersToReview(@Args('first', { type: () => Int, defaultValue: 20, description: 'How many offers (1 to 100).' }) first = 20) {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw InvalidInputException.field('first', 'must be between 1 and 100');
    const offers = await this.em.fork().find(OfferEntity, { occupationToReview: true, status: OfferStatus.DRAFT }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: first });
    return offers.map((o) => toOffer(o));
  }
}
