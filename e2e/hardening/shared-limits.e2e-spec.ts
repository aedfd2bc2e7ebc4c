import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { PASSWORD } from '../support/actors';
import { ApiProcess, killApiProcesses, startApiProcess } from '../support/api-process';
import { RedisServer, freePort, redisServerAvailable } from '../support/redis-server';
import { engine, freshDatabaseUrl } from '../support/test-app';

/**
 * Three API processes behind one address (a round-robin proxy), counting in one Redis server
 * of the test's own: the sign-in budgets hold across them (one process's budget in all, not
 * three). Then Redis is killed: queries and ordinary writes still answer, sign-in is refused
 * with SERVICE_UNAVAILABLE / RATE_LIMIT_UNAVAILABLE (503), the readiness probe says degraded,
 * each process logs the outage once; and when Redis is back sign-in works again by itself.
 */
const root = path.resolve(__dirname, '../..');
const LOGIN_PER_ACCOUNT = 6;
const AUTH_PER_IP = 18;

interface Answer {
  status: number;
  retryAfter: string | null;
  backend: number;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string; reason?: string; retryAfterSeconds?: number } }[] };
}

const LOG_IN = `mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }`;
const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }`;
const PROFILE = `mutation ($input: CandidateProfileInput!) { upsertMyCandidateProfile(input: $input) { id headline } }`;
const READ = `{ programs(first: 1) { totalCount } }`;
const code = (a: Answer) => a.body.errors?.[0]?.extensions?.code;

/** One address in front of the processes: each request goes to the next one in turn, and says which answered. */
function roundRobin(backends: ApiProcess[]): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const index = next++ % backends.length;
    const upstream = http.request({ host: '127.0.0.1', port: backends[index].port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-backend': String(index) });
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close });
    }),
  );
}

const describeWithRedis = redisServerAvailable() ? describe : describe.skip;

describeWithRedis(`rate limits shared by three API processes through Redis (${engine})`, () => {
  const dirs: string[] = [];
  const processes: ApiProcess[] = [];
  let redis: RedisServer;
  let proxy: { url: string; close(): Promise<void> };
  const email = `shared-${engine}-${randomUUID()}@example.test`;
  let token: string;

  async function post(query: string, variables: Record<string, unknown> = {}, bearer?: string): Promise<Answer> {
    const res = await fetch(`${proxy.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), backend: Number(res.headers.get('x-backend')), body: (await res.json()) as Answer['body'] };
  }
  const logIn = (address = email, password = PASSWORD) => post(LOG_IN, { input: { email: address, password } });
  const unavailableLogs = (p: ApiProcess) => p.output.join('').split('\n').filter((line) => line.includes('"redis.unavailable"')).length;
  const recoveredLogs = (p: ApiProcess) => p.output.join('').split('\n').filter((line) => line.includes('"redis.recovered"')).length;

  beforeAll(async () => {
    redis = new RedisServer(await freePort());
    await redis.start();
    const mkdir = () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'alternance-shared-limits-'));
      dirs.push(dir);
      return dir;
    };
    const databaseUrl = await freshDatabaseUrl(mkdir());
    const keyPrefix = `e2e-${randomUUID()}:`;
    // One window for the whole test (a day, aligned on midnight UTC): none ends between two attempts.
    const env = (first: boolean): Record<string, string> => ({
      DATABASE_URL: databaseUrl,
      DATA_DIR: mkdir(),
      CATALOGUE_DIR: process.env.CATALOGUE_DIR ?? path.resolve(root, '../shared/data'),
      JWT_SECRET: 'e2e-shared-limits-secret-0123456789abcdefghijkl',
      LOG_LEVEL: 'info',
      MIGRATE_ON_START: String(first),
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: keyPrefix,
      RATE_LIMIT_ENABLED: 'true',
      RATE_LIMIT_WINDOW_SECONDS: String(24 * 3600),
      RATE_LIMIT_LOGIN_PER_ACCOUNT: String(LOGIN_PER_ACCOUNT),
      RATE_LIMIT_AUTH_PER_IP: String(AUTH_PER_IP),
    });
    const untilMidnight = 86_400_000 - (Date.now() % 86_400_000);
    if (untilMidnight < 60_000) await new Promise((r) => setTimeout(r, untilMidnight + 1000));
    // The first applies what the prepared database may lack; the other two start once it is ready.
    processes.push(await startApiProcess(env(true)));
    processes.push(...(await Promise.all([startApiProcess(env(false)), startApiProcess(env(false))])));
    proxy = await roundRobin(processes);
  }, 90_000);

  afterAll(async () => {
    await proxy?.close();
    await killApiProcesses();
    await redis?.kill();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('grants one process’s sign-in budget across the three, not three times it', async () => {
    const signUp = await post(SIGN_UP, { input: { email, password: PASSWORD, role: 'CANDIDATE', displayName: 'Partage Budget' } });
    expect(signUp.body.errors).toBeUndefined();
    token = signUp.body.data.signUp.accessToken;

    // Twice the budget at one account, spread over the three processes.
    const attempts: Answer[] = [];
    for (let i = 0; i < 2 * LOGIN_PER_ACCOUNT; i++) attempts.push(await logIn());
    expect(new Set(attempts.map((a) => a.backend))).toEqual(new Set([0, 1, 2]));
    expect(attempts.filter((a) => a.body.data?.logIn?.accessToken).length).toBe(LOGIN_PER_ACCOUNT);
    expect(attempts.slice(0, LOGIN_PER_ACCOUNT).every((a) => a.body.data?.logIn?.accessToken)).toBe(true);
    for (const refused of attempts.slice(LOGIN_PER_ACCOUNT)) {
      expect([refused.status, code(refused)]).toEqual([429, 'RATE_LIMITED']);
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    }

    // The address's budget too: the sign-up and the granted sign-ins used 1 + 6 of 18.
    const left = AUTH_PER_IP - 1 - LOGIN_PER_ACCOUNT;
    const others: Answer[] = [];
    for (let i = 0; i <= left; i++) others.push(await logIn(`nobody-${i}-${randomUUID()}@example.test`, 'wrong-password-123'));
    expect(others.slice(0, left).map(code)).toEqual(Array(left).fill('UNAUTHENTICATED'));
    expect([others[left].status, code(others[left])]).toEqual([429, 'RATE_LIMITED']);
  }, 30_000);

  it('keeps answering when Redis stops: reads and ordinary writes pass, sign-in is refused with the documented code', async () => {
    await redis.kill();

    for (let i = 0; i < 3; i++) {
      const read = await post(READ);
      expect([read.status, read.body.errors]).toEqual([200, undefined]);
      expect(read.body.data.programs.totalCount).toEqual(expect.any(Number));
    }
    for (let i = 0; i < 3; i++) {
      const write = await post(PROFILE, { input: { headline: `Sans Redis ${i}` } }, token);
      expect(write.body.errors).toBeUndefined();
      expect(write.body.data.upsertMyCandidateProfile.headline).toBe(`Sans Redis ${i}`);
    }
    const refusals: Answer[] = [];
    for (let i = 0; i < 6; i++) refusals.push(await logIn());
    expect(new Set(refusals.map((a) => a.backend))).toEqual(new Set([0, 1, 2]));
    for (const refused of refusals) {
      expect(refused.status).toBe(503);
      expect(refused.body.data ?? null).toBeNull();
      expect(refused.body.errors![0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'RATE_LIMIT_UNAVAILABLE', retryAfterSeconds: 5 });
      expect(refused.retryAfter).toBe('5');
    }

    for (const p of processes) {
      const ready = await fetch(`${p.url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'degraded', checks: { database: 'up', search: 'up', redis: 'down' }, failing: ['redis'] });
      // Logged once per outage, not once per request.
      expect(unavailableLogs(p)).toBe(1);
    }
  }, 30_000);

  it('counts again, with every process, once Redis is back', async () => {
    await redis.start();
    const deadline = Date.now() + 15_000;
    let granted: Answer[] = [];
    while (Date.now() < deadline) {
      granted = [await logIn(), await logIn(), await logIn()];
      if (granted.every((a) => a.body.data?.logIn?.accessToken)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(granted.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(granted.map((a) => a.backend))).toEqual(new Set([0, 1, 2]));
    for (const p of processes) {
      const ready = await fetch(`${p.url}/health/ready`);
      expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'up', search: 'up', redis: 'up' } });
      expect(recoveredLogs(p)).toBe(1);
      expect(unavailableLogs(p)).toBe(1);
    }
  }, 30_000);
});
