import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, Viewer } from '@alternance/platform/domain';
import { CurrentViewer, Roles } from '@alternance/platform/nest';
import { MAX_SAVED_SEARCHES, SaveSearchInput, SavedSearch, toSavedSearch } from '@alternance/notifications/graphql';
import { SavedSearchesService } from './saved-searches.service';

@Resolver(() => SavedSearch)
export class SavedSearchesResolver {
  constructor(private readonly savedSearches: SavedSearchesService) {}

  @Roles(Role.CANDIDATE)
  @Mutation(() => SavedSearch, {
    description: `Keep a job board search (at most ${MAX_SAVED_SEARCHES}); with \`alert: true\` new matching offers come in a daily digest.`,
  })
  async saveSearch(@CurrentViewer() viewer: Viewer, @Args('input', { description: 'The search to keep.' }) input: SaveSearchInput) {
    return toSavedSearch(await this.savedSearches.save(viewer, input));
  }

  @Roles(Role.CANDIDATE)
  @Query(() => [SavedSearch], { description: 'Your saved searches, newest first.' })
  async mySavedSearches(@CurrentViewer() viewer: Viewer) {
    return (await this.savedSearches.mine(viewer)).map(toSavedSearch);
  }

  @Roles(Role.CANDIDATE)
  @Mutation(() => Boolean, { description: 'Delete one of your saved searches (NOT_FOUND for anyone else’s).' })
  async deleteSavedSearch(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID, description: 'Saved search id.' }) id: string) {
    await this.savedSearches.delete(viewer, id);
    return true;
  }
}
