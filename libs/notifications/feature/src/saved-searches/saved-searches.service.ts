import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { CLOCK, Clock, ConflictException, InvalidInputException, NotFoundException, Viewer, isUuid } from '@alternance/platform/domain';
import { UserEntity } from '@alternance/identity/data-access';
import { SavedSearchEntity, StoredOfferSearch } from '@alternance/notifications/data-access';
import { MAX_SAVED_SEARCHES, SaveSearchInput } from '@alternance/notifications/graphql';
import { OFFER_SEARCH, OfferSearch, OfferSearchInput } from '@alternance/search/graphql';

/** What is kept of a search: words, filters and order; paging and facets belong to one run. */
export function storedSearch(input: OfferSearchInput): StoredOfferSearch {
  const { query, filters, sort } = JSON.parse(JSON.stringify(input)) as StoredOfferSearch;
  return { ...(query != null ? { query } : {}), ...(filters != null ? { filters } : {}), ...(sort != null ? { sort } : {}) };
}

@Injectable()
export class SavedSearchesService {
  constructor(
    private readonly em: EntityManager,
    @Inject(OFFER_SEARCH) private readonly search: OfferSearch,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async save(viewer: Viewer, input: SaveSearchInput): Promise<SavedSearchEntity> {
    const name = input.name.trim();
    if (!name) throw InvalidInputException.field('name', 'must not be blank');
    const search = storedSearch(input.search);
    await this.checkRuns(viewer, search);
    if ((await this.em.count(SavedSearchEntity, { user: viewer.userId })) >= MAX_SAVED_SEARCHES) {
      throw new ConflictException(`You can keep at most ${MAX_SAVED_SEARCHES} saved searches: delete one first.`, 'SAVED_SEARCH_LIMIT');
    }
    const now = this.clock.now();
    const saved = Object.assign(new SavedSearchEntity(), {
      user: this.em.getReference(UserEntity, viewer.userId, { wrapped: true }),
      name,
      search,
      alert: input.alert,
      createdAt: now,
      // Alerts start with offers published from now on.
      alertedUpTo: now,
    });
    await this.em.persistAndFlush(saved);
    return saved;
  }

  async mine(viewer: Viewer): Promise<SavedSearchEntity[]> {
    return this.em.find(SavedSearchEntity, { user: viewer.userId }, { orderBy: { createdAt: 'desc', id: 'asc' } });
  }

  async delete(viewer: Viewer, id: string): Promise<void> {
    const saved = isUuid(id) ? await this.em.findOne(SavedSearchEntity, { id, user: viewer.userId }) : null;
    if (!saved) throw new NotFoundException('Saved search', id);
    await this.em.removeAndFlush(saved);
  }

  /** Runs the search once: one that cannot run (an unknown postcode, DISTANCE without a point) is refused now, not every night. */
  private async checkRuns(viewer: Viewer, search: StoredOfferSearch): Promise<void> {
    try {
      await this.search.searchOffers(viewer, { ...search, first: 0 } as OfferSearchInput);
    } catch (error) {
      if (error instanceof InvalidInputException) {
        throw new InvalidInputException(
          error.fields.map((f) => ({ ...f, path: `search.${f.path}` })),
          error.reason,
        );
      }
      throw error;
    }
  }
}
