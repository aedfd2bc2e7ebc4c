import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { PASSWORD, freshSiret } from '../support/actors';
import { bareOrm, engine, freshDatabaseUrl } from '../support/test-app';
import { ApiProcess, httpGql, killApiProcesses, startApiProcess } from '../support/api-process';

const root = path.resolve(__dirname, '../..');

/**
 * The built API as its own process, stopped while offers are being created: with SIGTERM it
 * must finish what it accepted, index it, persist its index and exit 0; with SIGKILL it may
 * lose unanswered requests but nothing it acknowledged. After each stop a restart must show
 * every acknowledged offer in the database and the search index equal to the database.
 */
/** A connection of its own (no pooled keep-alive socket): does the server still accept new ones? */
function newConnectionAccepted(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/health/live', agent: false }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
  });
}

const CREATE = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }`;
const offerInput = (n: number) => ({
  title: `Offre arrêt ${n} soudeur`,
  description: 'Poste en alternance.',
  contractType: 'APPRENTICESHIP',
  romeCode: 'H2913',
  location: { country: 'FR', postcode: '69003' },
  remotePolicy: 'ONSITE',
  startDate: { earliest: '2027-01-04', latest: '2027-03-01' },
});

interface Outcome {
  id?: string;
  answeredAt?: number;
  failed?: string;
}

describe(`graceful shutdown (${engine})`, () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'alternance-shutdown-'));
  let env: Record<string, string>;
  let server: ApiProcess | undefined;
  let orm: MikroORM;
  const email = `shutdown-${engine}@example.test`;

  beforeAll(async () => {
    const databaseUrl = await freshDatabaseUrl(dataDir);
    orm = await bareOrm(databaseUrl);
    // Budgets fit the burst of writes below: what is tested here is stopping, not throttling.
    env = { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, CATALOGUE_DIR: process.env.CATALOGUE_DIR ?? path.resolve(root, '../shared/data'), RATE_LIMIT_ENABLED: 'false' };
  }, 120_000);

  afterAll(async () => {
    // A failed assertion can leave a restarted server running: none may outlive the suite.
    await killApiProcesses();
    await orm.close(true);
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function token(url: string): Promise<string> {
    const logIn = await httpGql(url, `mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }`, { input: { email, password: PASSWORD } });
    if (logIn.data) return logIn.data.logIn.accessToken as string;
    const signUp = await httpGql(url, `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, {
      input: { email, password: PASSWORD, role: 'EMPLOYER', displayName: 'Arrêt Propre', organization: { name: 'Atelier Arrêt', siret: freshSiret(), country: 'FR' } },
    });
    return signUp.data.signUp.accessToken as string;
  }

  /** Starts `count` createOffer requests at once; each resolves with its id, or how it failed. */
  function burst(url: string, bearer: string, from: number, count: number): Promise<Outcome>[] {
    return Array.from({ length: count }, (_, i) =>
      httpGql(url, CREATE, { input: offerInput(from + i) }, bearer).then(
        (body) => (body.data?.createOffer?.id ? { id: body.data.createOffer.id as string, answeredAt: Date.now() } : { failed: JSON.stringify(body.errors) }),
        (error: Error) => ({ failed: `${error.name}: ${(error.cause as Error | undefined)?.message ?? error.message}` }),
      ),
    );
  }

  async function offerIdsInDatabase(): Promise<Set<string>> {
    const rows = (await orm.em.getConnection().execute(`select id from offers`)) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  /** Every draft the employer can find through search after a restart (the index), by id. */
  async function indexedIds(url: string, bearer: string): Promise<Set<string>> {
    const ids = new Set<string>();
    let after: string | null = null;
    do {
      const page: any = await httpGql(url, `query ($input: OfferSearchInput!) { searchOffers(input: $input) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { input: { first: 100, after, sort: 'NEWEST' } }, bearer);
      for (const edge of page.data.searchOffers.edges) ids.add(edge.node.id);
      after = page.data.searchOffers.pageInfo.hasNextPage ? page.data.searchOffers.pageInfo.endCursor : null;
    } while (after);
    return ids;
  }

  /** The index after a restart equals the database; if not, say which outbox events were skipped. */
  async function expectIndexEqualsDatabase(url: string, bearer: string): Promise<void> {
    const indexed = await indexedIds(url, bearer);
    const stored = await offerIdsInDatabase();
    const missing = [...stored].filter((id) => !indexed.has(id));
    const events = missing.length
      ? ((await orm.em.getConnection().execute(`select id, aggregate_id from outbox_events where aggregate_id in (${missing.map(() => '?').join(', ')}) order by id`, missing)) as { id: string | number }[]).map((e) => Number(e.id))
      : [];
    expect({ missing, theirOutboxEvents: events, extra: [...indexed].filter((id) => !stored.has(id)) }).toEqual({ missing: [], theirOutboxEvents: [], extra: [] });
  }

  function snapshotWatermark(): number {
    const file = path.join(dataDir, 'search', 'offers.index');
    if (!existsSync(file)) return 0;
    const buffer = readFileSync(file);
    return (JSON.parse(buffer.subarray(4, 4 + buffer.readUInt32BE(0)).toString('utf8')) as { appliedUpTo: number }).appliedUpTo;
  }

  async function lastOutboxEvent(): Promise<number> {
    const [{ last }] = (await orm.em.getConnection().execute('select max(id) as last from outbox_events')) as { last: string | number }[];
    return Number(last);
  }

  /** A request over `agent`'s connections (node:http, so keep-alive sockets are reused as given). */
  function post(agent: http.Agent, port: number, body: string, bearer: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('on SIGTERM stops accepting, finishes and indexes every accepted write, persists the index and exits 0', async () => {
    await killApiProcesses();
    server = await startApiProcess({ ...env, LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '15000' });
    const bearer = await token(server.url);
    // Twenty connections the server has accepted, kept alive: requests sent on them are in
    // flight for the server even if it has not read them yet when the signal comes.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
    const port = server.port;
    await Promise.all(Array.from({ length: 20 }, () => post(agent, port, JSON.stringify({ query: '{ __typename }' }), bearer)));
    const requests: Promise<Outcome>[] = Array.from({ length: 20 }, (_, i) =>
      post(agent, port, JSON.stringify({ query: CREATE, variables: { input: offerInput(i) } }), bearer).then(
        ({ text }) => {
          const id = (JSON.parse(text) as { data?: { createOffer?: { id: string } } }).data?.createOffer?.id;
          return id ? { id, answeredAt: Date.now() } : { failed: text };
        },
        (error: Error) => ({ failed: error.message }),
      ),
    );
    await Promise.race(requests);

    const exited = new Promise<number | null>((r) => server!.process.once('exit', (code) => r(code)));
    const signalledAt = Date.now();
    server.process.kill('SIGTERM');
    // Once it says it is stopping (the signal waits for the event loop), try a new connection.
    const patience = Date.now() + 15_000;
    while (!server.output.join('').includes('"event":"shutdown.started"') && server.process.exitCode === null && Date.now() < patience) await new Promise((r) => setTimeout(r, 2));
    const stillRunning = server.process.exitCode === null;
    const acceptedAfterSignal = await newConnectionAccepted(port);
    const outcomes = await Promise.all(requests);
    const code = await exited;
    agent.destroy();
    const log = server.output.join('');

    expect(code).toBe(0);
    // New connections were refused while the process was still finishing its work.
    expect(stillRunning).toBe(true);
    expect(acceptedAfterSignal).toBe(false);
    // Every write it had accepted was answered, some of them after the signal.
    expect(outcomes.filter((o) => o.failed)).toEqual([]);
    expect(outcomes.filter((o) => o.answeredAt! > signalledAt).length).toBeGreaterThan(0);
    expect(log).toMatch(/"event":"shutdown.finished","completed":true,"cut":0/);
    expect(log).not.toMatch(/search indexing failed/);

    // The database holds exactly the acknowledged offers: nothing lost, nothing half done.
    const acknowledged = outcomes.map((o) => o.id!);
    expect([...(await offerIdsInDatabase())].sort()).toEqual([...acknowledged].sort());
    // The index was persisted on the way out with every outbox event applied.
    expect(snapshotWatermark()).toBe(await lastOutboxEvent());

    server = await startApiProcess({ ...env, LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '15000' });
    await expectIndexEqualsDatabase(server.url, await token(server.url));
    const stopped = new Promise((r) => server!.process.once('exit', r));
    server.process.kill('SIGTERM');
    await stopped;
    server = undefined;
  }, 180_000);

  it('after kill -9 during writes, every acknowledged write is in the database and in the index', async () => {
    await killApiProcesses();
    server = await startApiProcess({ ...env, LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '15000' });
    const bearer = await token(server.url);
    const before = await offerIdsInDatabase();
    const requests = burst(server.url, bearer, 100, 60);
    // Kill once a few have been answered, with more in flight.
    const firstAnswers = Promise.race(requests.slice(0, 5));
    await firstAnswers;
    await new Promise((r) => setTimeout(r, 20));
    const exited = new Promise((r) => server!.process.once('exit', r));
    server.process.kill('SIGKILL');
    const outcomes = await Promise.all(requests);
    await exited;

    const acknowledged = outcomes.filter((o) => o.id).map((o) => o.id!);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(outcomes.some((o) => o.failed)).toBe(true);
    const inDatabase = await offerIdsInDatabase();
    for (const id of acknowledged) expect(inDatabase.has(id)).toBe(true);
    expect(inDatabase.size).toBeGreaterThanOrEqual(before.size + acknowledged.length);

    server = await startApiProcess({ ...env, LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '15000' });
    await expectIndexEqualsDatabase(server.url, await token(server.url));
  }, 180_000);
});
