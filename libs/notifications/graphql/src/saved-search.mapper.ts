import { SavedSearchEntity } from '@alternance/notifications/data-access';
import { SavedSearch } from './saved-search.model';

export function toSavedSearch(s: SavedSearchEntity): SavedSearch {
  return { id: s.id, name: s.name, search: s.search, alert: s.alert, createdAt: s.createdAt };
}
