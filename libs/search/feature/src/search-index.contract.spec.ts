import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MeilisearchIndexStore } from '@alternance/search/meilisearch';
import { EmbeddedIndexStore } from '@alternance/search/data-access';
import { CONTRACT_SETTINGS, describeSearchIndexContract } from './search-index.contract';

const dirs = new Map<object, string>();

describeSearchIndexContract('embedded engine', {
  async open() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'alternance-contract-'));
    const index = EmbeddedIndexStore.open('contract', dir);
    await index.configure(CONTRACT_SETTINGS);
    dirs.set(index, dir);
    return index;
  },
  async dispose(index) {
    await index.close();
    rmSync(dirs.get(index)!, { recursive: true, force: true });
  },
});

// A real Meilisearch server is used when one is configured; none runs on the CI machines.
const meiliUrl = process.env.MEILI_URL;
if (meiliUrl) {
  let n = 0;
  describeSearchIndexContract('Meilisearch', {
    async open() {
      const index = new MeilisearchIndexStore(`contract_${process.pid}_${n++}`, { url: meiliUrl, apiKey: process.env.MEILI_API_KEY, prefix: 'test_' });
      await index.configure(CONTRACT_SETTINGS);
      await index.clear();
      return index;
    },
    async dispose(index) {
      await index.clear();
    },
  });
}
