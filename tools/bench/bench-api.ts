import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { OFFER_INDEX, OFFER_INDEX_SETTINGS, IndexableOffer, offerDocument } from '@alternance/search/domain';
import { EmbeddedIndexStore } from '@alternance/search/data-access';
import { projectRoot } from '@alternance/platform/nest';
import { ormOptions } from '../../apps/api/src/persistence/orm-config';
import { waitUntilReady } from '../support/process-ready';
import { ORG_ID } from './bench-offers';

const root = projectRoot();

/** The built API as a process of the benchmark's, on a random port from `basePort`: its base URL once `/health/ready` answers. */
export async function startBenchApi(env: Record<string, string>, basePort = 31_000): Promise<{ child: ChildProcess; url: string }> {
  const port = basePort + Math.floor(Math.random() * 1000);
  const child = spawn(process.execPath, [path.join(root, 'dist/apps/api/src/main.js')], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady('API', child, `${url}/health/ready`, Date.now() + 120_000);
  return { child, url };
}

/**
 * A migrated SQLite database at `file` holding the offers as PUBLISHED rows of the benchmark's
 * organization (expiring at `expiresAt`, else when published); `timeInsert` wraps the inserts,
 * for a benchmark that measures them.
 */
export async function writeBenchDatabase(
  file: string,
  offers: IndexableOffer[],
  options: { expiresAt?: string; timeInsert?: (insert: () => Promise<void>) => Promise<unknown> } = {},
): Promise<void> {
  const orm = await MikroORM.init(ormOptions({ driver: 'sqlite', file }));
  try {
    await orm.getMigrator().up();
    const conn = orm.em.getConnection();
    // Dates as the ORM writes them (SQLite: epoch milliseconds). Written any other way (ISO
    // text, say), the entity manager would see every loaded date as changed and rewrite the row
    // on the next flush: each application would update its offer and its organization.
    const stamp = (date: Date) => orm.em.getPlatform().processDateProperty(date);
    const now = stamp(new Date());
    await conn.execute(`insert into organizations (id, name, country, disability_referent, created_at, updated_at) values (?, 'Bench', 'FR', 0, ?, ?)`, [ORG_ID, now, now]);
    const insert = async () => {
      for (let i = 0; i < offers.length; i += 500) {
        const chunk = offers.slice(i, i + 500);
        const values = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
        const params = chunk.flatMap((o) => {
          const at = stamp(o.publishedAt!);
          return [o.id, ORG_ID, o.title, o.description, o.contractType, o.romeCode, '[]', '[]', 'FR', o.lat, o.lng, o.remotePolicy, o.startEarliest, o.startLatest, 1, 'PUBLISHED', at, options.expiresAt ? stamp(new Date(options.expiresAt)) : at, at, at, 1, null];
        });
        await conn.execute(
          `insert into offers (id, organization_id, title, description, contract_type, rome_code, skills, program_ids, country, lat, lng, remote_policy, start_earliest, start_latest, positions, status, published_at, expires_at, created_at, updated_at, version, city) values ${values}`,
          params,
        );
      }
    };
    await (options.timeInsert ? options.timeInsert(insert) : insert());
  } finally {
    await orm.close(true);
  }
}

/** The offer index the API loads at start (`DATA_DIR/search`), built and persisted as the embedded adapter does. */
export async function writeBenchOfferIndex(dataDir: string, offers: IndexableOffer[], synonyms: string[][]): Promise<void> {
  const store = EmbeddedIndexStore.open(OFFER_INDEX, path.join(dataDir, 'search'));
  await store.configure({ ...OFFER_INDEX_SETTINGS, synonyms });
  await store.upsert(offers.map(offerDocument));
  await store.persist();
}
