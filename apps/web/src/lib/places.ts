import 'server-only';
import { call } from './api';
import { CommunesByPostcodeQuery } from './operations/catalogue';
import { postcodeIn, type Point, type SearchState } from './offer-search';

export interface Place extends Point {
  label: string;
}

/**
 * Where the "where" field points: the coordinates chosen in the autocomplete, or else the
 * commune of a postcode typed by hand (the form works without JavaScript). Null when the text
 * names no place the catalogue knows.
 */
export async function resolvePlace(state: SearchState): Promise<Place | null> {
  if (!state.place) return null;
  if (state.lat !== null && state.lng !== null) return { lat: state.lat, lng: state.lng, label: state.place };
  const postcode = postcodeIn(state.place);
  if (postcode) {
    const { communes } = await call(CommunesByPostcodeQuery, { postcode });
    const commune = communes.find((c) => c.lat != null && c.lng != null);
    if (commune) return { lat: commune.lat!, lng: commune.lng!, label: `${commune.name} (${commune.postcode})` };
  }
  return null;
}
