import 'server-only';
import { call } from './api';
import { CommunesByPostcodeQuery, SuggestQuery } from './operations/catalogue';
import { postcodeIn, type Point, type SearchState } from './offer-search';

export interface Place extends Point {
  label: string;
}

/**
 * Where the "where" field points: coordinates given in the URL, the commune of a postcode (the
 * autocomplete's choices carry theirs: "Lyon 03 (69003)"), or else the best commune for the
 * name typed by hand (the form works without JavaScript). Null when the text names no place
 * the catalogue knows.
 */
export async function resolvePlace(state: SearchState): Promise<Place | null> {
  if (!state.place) return null;
  if (state.lat !== null && state.lng !== null) return { lat: state.lat, lng: state.lng, label: state.place };
  const postcode = postcodeIn(state.place);
  if (postcode) {
    const { communes } = await call(CommunesByPostcodeQuery, { postcode });
    const commune = communes.find((c) => c.lat != null && c.lng != null);
    if (commune) return { lat: commune.lat!, lng: commune.lng!, label: `${commune.name} (${commune.postcode})` };
    return null;
  }
  const { suggest } = await call(SuggestQuery, { prefix: state.place.slice(0, 100), kinds: ['COMMUNE'], first: 5 });
  const found = suggest.find((s) => s.lat != null && s.lng != null);
  return found ? { lat: found.lat!, lng: found.lng!, label: found.label } : null;
}
