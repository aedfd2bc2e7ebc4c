import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { CLOCK, Clock, InvalidInputException, Role, Viewer, isStaff, pageRequest } from '@alternance/platform/domain';
import { toConnection } from '@alternance/platform/nest';
import { ExposureSource, PlainEntity, findPlainByKeys, recordExposure } from '@alternance/platform/data-access';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { Visibility } from '@alternance/candidates/domain';
import { toCandidate } from '@alternance/candidates/graphql';
import { OfferEntity } from '@alternance/offers/data-access';
import { OfferStatus } from '@alternance/offers/domain';
import { toOffer } from '@alternance/offers/graphql';
import {
  CandidateFacet,
  IndexStore,
  OfferFacet,
  PUBLIC_AUDIENCE,
  QUERY_PLACE_RADIUS_KM,
  SearchHit,
  SearchResult,
  candidateSearchRequest,
  offerSearchRequest,
  organizationAudience,
  queryPlaceSplits,
} from '@alternance/search/domain';
import { CommuneEntity, TaxonomyRepository } from '@alternance/taxonomy/data-access';
import {
  CandidateSearchInput,
  CandidateSearchResult,
  NearInput,
  OfferSearch,
  OfferSearchInput,
  OfferSearchOptions,
  OfferSearchResult,
  OfferSortOrder,
  QueryPlace,
} from '@alternance/search/graphql';

export interface SearchIndexes {
  offers: IndexStore;
  candidates: IndexStore;
}

export const SEARCH_INDEXES = Symbol('SEARCH_INDEXES');

function highlights(hit: SearchHit) {
  return Object.entries(hit.highlights).map(([field, snippet]) => ({ field, snippet }));
}

function facets(result: SearchResult) {
  return Object.entries(result.facets).map(([field, values]) => ({ field, values }));
}

/**
 * Search answers come from the index; the objects returned come from the database, so a
 * result always shows the offer or profile as it is now, with the usual access rules.
 */
@Injectable()
export class SearchService implements OfferSearch {
  constructor(
    @Inject(SEARCH_INDEXES) private readonly indexes: SearchIndexes,
    private readonly em: EntityManager,
    private readonly taxonomy: TaxonomyRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async point(near: NearInput | undefined, path: string): Promise<{ lat: number; lng: number; radiusKm: number } | null> {
    if (!near) return null;
    if (near.lat != null && near.lng != null) return { lat: near.lat, lng: near.lng, radiusKm: near.radiusKm };
    if (near.postcode) {
      const [commune] = (await this.taxonomy.communes({ postcode: near.postcode }, 50)).filter((c) => c.lat != null);
      if (!commune) throw InvalidInputException.field(`${path}.postcode`, 'matches no French commune', 'UNKNOWN_PLACE');
      return { lat: commune.lat!, lng: commune.lng!, radiusKm: near.radiusKm };
    }
    throw InvalidInputException.field(`${path}.lat`, 'give lat and lng, or a postcode');
  }

  private async withNeighbours(codes: string[] | undefined, include: boolean | undefined): Promise<string[] | undefined> {
    if (!codes?.length || !include) return codes;
    const all = new Set(codes);
    for (const code of codes) for (const n of await this.taxonomy.neighbours(code)) all.add(n.targetCode);
    return [...all];
  }

  /**
   * Communes by name, read once into memory (36,000 rows): the last words of most queries are
   * looked up on every search. A catalogue import is seen after a restart.
   */
  private communes?: Promise<Map<string, Pick<CommuneEntity, 'name' | 'postcode' | 'lat' | 'lng'>>>;

  private async communeNamed(name: string): Promise<Pick<CommuneEntity, 'name' | 'postcode' | 'lat' | 'lng'> | null> {
    this.communes ??= this.taxonomy.communesByUpperName().catch((error) => {
      this.communes = undefined;
      throw error;
    });
    return (await this.communes).get(name) ?? null;
  }

  /**
   * A French commune at the end of the query ("boulanger lyon", "vendeur à Saint-Étienne"): the
   * longest reading that names one wins. Not when the search already has a place or the client
   * asked for the words as typed.
   */
  private async queryPlace(input: OfferSearchInput): Promise<QueryPlace | null> {
    if (!input.query || input.placeFromQuery === false || input.filters?.near) return null;
    for (const split of queryPlaceSplits(input.query)) {
      const commune = await this.communeNamed(split.name);
      if (commune) {
        return { typed: split.typed, query: split.text, city: commune.name.replace(/ \d+$/, ''), postcode: commune.postcode, lat: commune.lat!, lng: commune.lng!, radiusKm: QUERY_PLACE_RADIUS_KM };
      }
    }
    return null;
  }

  async searchOffers(viewer: Viewer | null, input: OfferSearchInput, options: OfferSearchOptions = {}): Promise<OfferSearchResult> {
    const page = pageRequest(input.first, input.after);
    const f = input.filters ?? {};
    const place = await this.queryPlace(input);
    const near = place ? { lat: place.lat, lng: place.lng, radiusKm: place.radiusKm } : await this.point(f.near, 'filters.near');
    const sort = input.sort ?? OfferSortOrder.RELEVANCE;
    if (sort === OfferSortOrder.DISTANCE && !near) throw InvalidInputException.field('sort', 'DISTANCE needs filters.near');
    const audiences = isStaff(viewer)
      ? null
      : viewer?.role === Role.EMPLOYER && viewer.organizationId
        ? [PUBLIC_AUDIENCE, organizationAudience(viewer.organizationId)]
        : [PUBLIC_AUDIENCE];
    const result = await this.indexes.offers.search(
      offerSearchRequest({
        query: place ? place.query : input.query,
        contractTypes: f.contractTypes,
        romeCodes: await this.withNeighbours(f.romeCodes, f.includeNeighbouringOccupations),
        programIds: f.programIds,
        remotePolicies: f.remotePolicies,
        near,
        startAfter: f.startAfter,
        startBefore: f.startBefore,
        country: f.country,
        disabilityFriendly: f.disabilityFriendly,
        publishedFromMs: options.publishedAfter ? options.publishedAfter.getTime() + 1 : null,
        audiences,
        sort,
        offset: page.offset,
        limit: page.limit,
        facets: (input.facets ?? []) as OfferFacet[],
      }),
    );
    const ids = result.hits.map((h) => h.id);
    // Read for display only: plain rows, one bound statement for the page.
    const rows = await findPlainByKeys(this.em, OfferEntity, ids);
    const byId = new Map(rows.map((o) => [o.id, o]));
    const visible = (o: PlainEntity<OfferEntity>) => o.status === OfferStatus.PUBLISHED || (o.status === OfferStatus.DRAFT && (audiences === null || audiences.includes(organizationAudience(o.organization.id))));
    const hits = result.hits.filter((h) => byId.has(h.id) && visible(byId.get(h.id)!));
    const connection = toConnection({ items: hits, totalCount: result.totalCount, offset: page.offset, limit: page.limit }, (hit) => hit);
    return {
      totalCount: result.totalCount,
      pageInfo: connection.pageInfo,
      facets: facets(result),
      edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toOffer(byId.get(e.node.id)!), highlights: highlights(e.node), distanceKm: e.node.distanceKm ?? null })),
      place,
    };
  }

  async searchCandidates(viewer: Viewer, input: CandidateSearchInput): Promise<CandidateSearchResult> {
    const page = pageRequest(input.first, input.after);
    const f = input.filters ?? {};
    let near = await this.point(f.near, 'filters.near');
    if (f.nearOfferId) {
      if (!f.radiusKm) throw InvalidInputException.field('filters.radiusKm', 'is required with nearOfferId');
      const offer = await this.em.findOne(OfferEntity, { id: f.nearOfferId });
      if (!offer || (offer.status === OfferStatus.DRAFT && !isStaff(viewer) && viewer.organizationId !== offer.organization.id)) {
        throw InvalidInputException.field('filters.nearOfferId', 'is not an offer you can see', 'UNKNOWN_OFFER');
      }
      near = { lat: offer.lat, lng: offer.lng, radiusKm: f.radiusKm };
    }
    const result = await this.indexes.candidates.search(
      candidateSearchRequest({
        query: input.query,
        skillCodes: f.skillCodes,
        romeCodes: f.romeCodes,
        programIds: f.programIds,
        availableBy: f.availableBy,
        near,
        remotePreferences: f.remotePreferences,
        sort: input.sort ?? 'RELEVANCE',
        offset: page.offset,
        limit: page.limit,
        facets: (input.facets ?? []) as CandidateFacet[],
      }),
    );
    const ids = result.hits.map((h) => h.id);
    const rows = ids.length ? await this.em.find(CandidateEntity, { id: { $in: ids } }, { populate: ['user'] }) : [];
    // The index never holds HIDDEN profiles; checking again costs nothing and guards a race.
    const byId = new Map(rows.filter((c) => c.visibility !== Visibility.HIDDEN).map((c) => [c.id, c]));
    const hits = result.hits.filter((h) => byId.has(h.id));
    const connection = toConnection({ items: hits, totalCount: result.totalCount, offset: page.offset, limit: page.limit }, (hit) => hit);
    // An employer's top 20, for the impact report's fair-exposure rates (ids only).
    if (viewer.role === Role.EMPLOYER) {
      await recordExposure(this.em, { organizationId: viewer.organizationId, source: ExposureSource.SEARCH, candidateIds: hits.map((h) => h.id), firstPosition: page.offset, at: this.clock.now() });
    }
    return {
      totalCount: result.totalCount,
      pageInfo: connection.pageInfo,
      facets: facets(result),
      edges: connection.edges.map((e) => {
        const c = byId.get(e.node.id)!;
        return { cursor: e.cursor, node: toCandidate(c, c.user.getEntity(), viewer), highlights: highlights(e.node), distanceKm: e.node.distanceKm ?? null };
      }),
    };
  }
}
