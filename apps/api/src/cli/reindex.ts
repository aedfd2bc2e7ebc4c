import { CANDIDATE_INDEX_SETTINGS, OFFER_INDEX_SETTINGS } from '@alternance/search/domain';
import { loadSynonyms } from '@alternance/search/data-access';
import { createRelay, openIndexes } from '@alternance/search/feature';
import { runCli } from './cli-support';

/**
 * Rebuilds the search indexes from the database. With the embedded engine, stop the API
 * first: it holds its own copy of the index in memory and would write it back.
 */
runCli(async (orm, config) => {
  const started = Date.now();
  const indexes = openIndexes(config);
  const synonyms = loadSynonyms(config.catalogueDir);
  await indexes.offers.configure({ ...OFFER_INDEX_SETTINGS, synonyms });
  await indexes.candidates.configure({ ...CANDIDATE_INDEX_SETTINGS, synonyms });
  // With Meilisearch, under the relay's lease: workers and APIs pause their relay meanwhile.
  const relay = createRelay(orm, indexes, config);
  const counts = await relay.reindex();
  await relay.stop();
  console.log(`reindexed ${counts.offers} offers and ${counts.candidates} candidates (${config.search.engine}) in ${Date.now() - started} ms`);
});
