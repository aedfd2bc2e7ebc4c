import { Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { OUTBOX_LISTENER, leaseFor } from '@alternance/platform/data-access';
import { APP_CONFIG, AppConfig } from '@alternance/platform/nest';
import { CANDIDATE_INDEX, CANDIDATE_INDEX_SETTINGS, IndexStore, OFFER_INDEX, OFFER_INDEX_SETTINGS } from '@alternance/search/domain';
import { EmbeddedIndexStore, OutboxRelay, loadSynonyms } from '@alternance/search/data-access';
import { MeilisearchIndexStore } from '@alternance/search/meilisearch';
import { TaxonomyRepository } from '@alternance/taxonomy/data-access';
import { SEARCH_INDEXES, SearchIndexes, SearchService } from './search.service';
import { CandidateSearchResolver, OfferSearchResolver } from './search.resolver';
import { SearchPersonalData } from './search-personal-data';
import { OFFER_SEARCH } from '@alternance/search/graphql';

function log(config: AppConfig) {
  return (message: string) => {
    if (config.logLevel !== 'silent' && config.logLevel !== 'error') console.warn(message);
  };
}

/** Picks the engine from the configuration: Meilisearch when MEILI_URL is set, else embedded. */
export function openIndexes(config: AppConfig): SearchIndexes {
  const open = (name: string): IndexStore => {
    const search = config.search;
    return search.engine === 'meilisearch'
      ? new MeilisearchIndexStore(name, { url: search.url, apiKey: search.apiKey, prefix: search.indexPrefix })
      : EmbeddedIndexStore.open(name, search.dir, { log: log(config) });
  };
  return { offers: open(OFFER_INDEX), candidates: open(CANDIDATE_INDEX) };
}

/** Applies the index settings, then starts the outbox relay; stops it (and persists) on shutdown. */
@Injectable()
export class SearchLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(SEARCH_INDEXES) private readonly indexes: SearchIndexes,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly relay: OutboxRelay,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const synonyms = loadSynonyms(this.config.catalogueDir);
    await this.indexes.offers.configure({ ...OFFER_INDEX_SETTINGS, synonyms });
    await this.indexes.candidates.configure({ ...CANDIDATE_INDEX_SETTINGS, synonyms });
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

/**
 * The relay of this process. A Meilisearch index is shared by every process, so its relay runs
 * under a database lease (one applier at a time, the others on standby), or not at all here
 * when RELAY_IN_PROCESS=false gives the work to a worker. An embedded index belongs to its
 * process, which must feed it itself.
 */
export function createRelay(orm: MikroORM, indexes: SearchIndexes, config: AppConfig): OutboxRelay {
  const search = config.search;
  const shared = search.engine === 'meilisearch';
  return new OutboxRelay(orm, indexes.offers, indexes.candidates, {
    log: log(config),
    lease: shared ? leaseFor(orm, `search-relay:${search.indexPrefix}`) : undefined,
    passive: shared && !config.relayInProcess,
  });
}

@Global()
@Module({
  providers: [
    { provide: SEARCH_INDEXES, inject: [APP_CONFIG], useFactory: openIndexes },
    {
      provide: OutboxRelay,
      inject: [MikroORM, SEARCH_INDEXES, APP_CONFIG],
      useFactory: createRelay,
    },
    { provide: OUTBOX_LISTENER, useExisting: OutboxRelay },
    SearchLifecycle,
    SearchService,
    { provide: OFFER_SEARCH, useExisting: SearchService },
    SearchPersonalData,
    TaxonomyRepository,
  ],
  exports: [OUTBOX_LISTENER, OutboxRelay, SEARCH_INDEXES, OFFER_SEARCH, SearchService],
})
export class SearchModule {}

/** `searchOffers`: the job board. */
@Module({ providers: [OfferSearchResolver] })
export class OfferSearchApiModule {}

/** `searchCandidates`: the talent marketplace. */
@Module({ providers: [CandidateSearchResolver] })
export class CandidateSearchApiModule {}
