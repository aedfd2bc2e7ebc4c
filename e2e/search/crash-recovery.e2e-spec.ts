import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { PASSWORD, freshSiret } from '../support/actors';
import { bareOrm, engine, freshDatabaseUrl } from '../support/test-app';
import { ApiProcess, httpGql, startApiProcess } from '../support/api-process';

const root = path.resolve(__dirname, '../..');

/**
 * The API is killed (SIGKILL) while offers are being written and indexed; after a restart the
 * search index must equal the database: nothing missing, nothing deleted left behind, nothing
 * stale. The embedded engine persists its snapshot at most every 5 seconds, so the kill always
 * lands with recent changes only in memory and the outbox.
 */
describe(`search index after a crash (${engine})`, () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'alternance-crash-'));
  let env: Record<string, string>;
  let server: ApiProcess | undefined;
  let orm: MikroORM;

  beforeAll(async () => {
    const databaseUrl = await freshDatabaseUrl(dataDir);
    orm = await bareOrm(databaseUrl);
    env = { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, CATALOGUE_DIR: process.env.CATALOGUE_DIR ?? path.resolve(root, '../shared/data') };
  }, 120_000);

  afterAll(async () => {
    server?.process.kill('SIGKILL');
    await orm.close(true);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('equals the database after a kill -9 in the middle of indexing', async () => {
    server = await startApiProcess({ ...env, LOG_LEVEL: 'error' });
    const signUp = await httpGql(server.url, `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, {
      input: { email: `crash-${engine}@example.test`, password: PASSWORD, role: 'EMPLOYER', displayName: 'Crash Test', organization: { name: 'Atelier Crash', siret: freshSiret(), country: 'FR' } },
    });
    const token = signUp.data.signUp.accessToken as string;
    const create = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }`;
    const input = (n: number) => ({
      title: `Offre numéro ${n} développeur`,
      description: 'Poste en alternance.',
      contractType: 'APPRENTICESHIP',
      romeCode: 'M1805',
      location: { country: 'FR', postcode: '69003' },
      remotePolicy: 'ONSITE',
      startDate: { earliest: '2027-01-04', latest: '2027-03-01' },
    });

    // A first batch, then changes to it: renames, closes; then a stream of writes cut by the kill.
    const first: string[] = [];
    for (let n = 0; n < 20; n++) {
      const id = (await httpGql(server.url, create, { input: input(n) }, token)).data.createOffer.id;
      await httpGql(server.url, `mutation ($id: ID!) { publishOffer(id: $id) { id } }`, { id }, token);
      first.push(id);
    }
    for (const id of first.slice(0, 5)) await httpGql(server.url, `mutation ($id: ID!) { closeOffer(id: $id) { id } }`, { id }, token);
    for (const id of first.slice(5, 10)) await httpGql(server.url, `mutation ($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }`, { id, input: { title: `Renommée ${id.slice(0, 8)} boulanger` } }, token);

    const writes: Promise<unknown>[] = [];
    for (let n = 100; n < 160; n++) writes.push(httpGql(server.url, create, { input: input(n) }, token).catch(() => undefined));
    await new Promise((r) => setTimeout(r, 150));
    const exited = new Promise((r) => server!.process.once('exit', r));
    server.process.kill('SIGKILL');
    await Promise.all([exited, ...writes]);

    // The kill must have left work to redo: the last snapshot is behind the outbox.
    const snapshotWatermark = (() => {
      const file = path.join(dataDir, 'search', 'offers.index');
      if (!existsSync(file)) return 0;
      const buffer = readFileSync(file);
      return (JSON.parse(buffer.subarray(4, 4 + buffer.readUInt32BE(0)).toString('utf8')) as { appliedUpTo: number }).appliedUpTo;
    })();
    const [{ last }] = (await orm.em.getConnection().execute('select max(id) as last from outbox_events')) as { last: string | number }[];
    expect(snapshotWatermark).toBeLessThan(Number(last));

    server = await startApiProcess({ ...env, LOG_LEVEL: 'error' });
    const logIn = await httpGql(server.url, `mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }`, { input: { email: `crash-${engine}@example.test`, password: PASSWORD } });
    const employerToken = logIn.data.logIn.accessToken as string;

    // What the database holds now: every draft and published offer, with its current title.
    const rows = (await orm.em.getConnection().execute(`select id, title from offers where status in ('DRAFT', 'PUBLISHED')`)) as { id: string; title: string }[];
    const expected = new Map(rows.map((r) => [r.id, r.title]));

    // What the index holds: every offer the employer can find (its drafts included).
    const indexed = new Map<string, string>();
    let after: string | null = null;
    do {
      const page: any = await httpGql(
        server.url,
        `query ($input: OfferSearchInput!) { searchOffers(input: $input) { totalCount edges { node { id title } } pageInfo { hasNextPage endCursor } } }`,
        { input: { first: 100, after, sort: 'NEWEST' } },
        employerToken,
      );
      for (const edge of page.data.searchOffers.edges) indexed.set(edge.node.id, edge.node.title);
      after = page.data.searchOffers.pageInfo.hasNextPage ? page.data.searchOffers.pageInfo.endCursor : null;
    } while (after);

    expect(expected.size).toBeGreaterThanOrEqual(15);
    expect(new Map([...indexed].sort())).toEqual(new Map([...expected].sort()));
    // And the words in the index are the current ones: old titles find nothing.
    const renamed = first[5];
    const byOldTitle = await httpGql(server.url, `query { searchOffers(input: { query: "numéro 5 développeur" }) { edges { node { id } } } }`, {}, employerToken);
    expect(byOldTitle.data.searchOffers.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(renamed);
  }, 180_000);
});
