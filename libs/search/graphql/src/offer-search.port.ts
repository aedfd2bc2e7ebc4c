import { Viewer } from '@alternance/platform/domain';
import { OfferSearchInput, OfferSearchResult } from './search.model';

export interface OfferSearchOptions {
  /** Only offers published strictly after this instant (saved-search alerts). */
  publishedAfter?: Date;
}

/**
 * The job board search as other contexts call it (saved-search alerts run it): the same
 * service, access rules and index as `searchOffers`.
 */
export interface OfferSearch {
  searchOffers(viewer: Viewer | null, input: OfferSearchInput, options?: OfferSearchOptions): Promise<OfferSearchResult>;
}

export const OFFER_SEARCH = Symbol('OFFER_SEARCH');
