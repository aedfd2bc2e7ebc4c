import { PASSWORD, signUpCandidate } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';

const BUDGETS = {
  RATE_LIMIT_ENABLED: 'true',
  RATE_LIMIT_WINDOW_SECONDS: '60',
  RATE_LIMIT_AUTH_PER_IP: '12',
  RATE_LIMIT_LOGIN_PER_ACCOUNT: '5',
  RATE_LIMIT_WRITES_PER_IP: '12',
  RATE_LIMIT_WRITES_PER_ACCOUNT: '8',
};

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string; retryAfterSeconds?: number } }[] };
}

async function post(t: TestApp, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
}

const LOG_IN = `mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }`;
const logInAliases = (n: number) => `mutation ($input: LogInInput!) { ${Array.from({ length: n }, (_, i) => `l${i}: logIn(input: $input) { accessToken }`).join(' ')} }`;
const PROFILE = `mutation ($input: CandidateProfileInput!) { upsertMyCandidateProfile(input: $input) { id } }`;
const code = (a: Answer) => a.body.errors?.[0]?.extensions?.code;

function expectRateLimited(a: Answer): void {
  expect(a.status).toBe(429);
  expect(code(a)).toBe('RATE_LIMITED');
  expect(a.body.data ?? null).toBeNull();
  const seconds = a.body.errors![0].extensions!.retryAfterSeconds!;
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(a.retryAfter).toBe(String(seconds));
}

describe(`mutation rate limits (${engine})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: BUDGETS });
  }, 60_000);
  afterAll(async () => t?.close());
  // Each test starts in a fresh window.
  beforeEach(() => t.clock.advance(60_000));

  it('counts every aliased logIn, refuses the whole operation, and charges nothing for it', async () => {
    const { email } = await signUpCandidate(t);
    const refused = await post(t, logInAliases(10), { input: { email, password: PASSWORD } });
    expectRateLimited(refused);

    // The refused operation used none of the budget: five attempts at this account pass…
    for (let i = 0; i < 5; i++) expect((await post(t, LOG_IN, { input: { email, password: PASSWORD } })).body.data?.logIn.accessToken).toBeDefined();
    // …the sixth is refused, with the time left in the window…
    t.clock.advance(45_000);
    const sixth = await post(t, LOG_IN, { input: { email, password: PASSWORD } });
    expectRateLimited(sixth);
    expect(sixth.body.errors![0].extensions!.retryAfterSeconds).toBe(15);
    // …and the next window grants again.
    t.clock.advance(15_000);
    expect((await post(t, LOG_IN, { input: { email, password: PASSWORD } })).body.data?.logIn.accessToken).toBeDefined();
  });

  it('limits sign-in and sign-up per address, across accounts', async () => {
    const attempts: Answer[] = [];
    for (let i = 0; i < 13; i++) attempts.push(await post(t, LOG_IN, { input: { email: `nobody-${i}@example.test`, password: 'wrong-password-123' } }));
    expect(attempts.slice(0, 12).map(code)).toEqual(Array(12).fill('UNAUTHENTICATED'));
    expectRateLimited(attempts[12]);
  });

  it('refuses 13 aliased sign-ups without creating any account', async () => {
    const input = (i: number) => `s${i}: signUp(input: { email: "burst-${engine}-${i}@example.test", password: "${PASSWORD}", role: CANDIDATE, displayName: "Burst ${i}" }) { accessToken }`;
    expectRateLimited(await post(t, `mutation { ${Array.from({ length: 13 }, (_, i) => input(i)).join(' ')} }`));
    const [{ n }] = (await t.orm.em.getConnection().execute(`select count(*) as n from users where email like 'burst-${engine}-%'`)) as { n: number | string }[];
    expect(Number(n)).toBe(0);
  });

  it('limits writes per account, and per address across accounts', async () => {
    const first = await signUpCandidate(t);
    const second = await signUpCandidate(t);
    const write = (token: string, n: number) => post(t, PROFILE, { input: { headline: `Profil ${n}` } }, { authorization: `Bearer ${token}` });
    for (let i = 0; i < 8; i++) expect(code(await write(first.token, i))).toBeUndefined();
    expectRateLimited(await write(first.token, 8));
    // The other account has its own budget, but the address has 12 for everyone: 4 are left.
    for (let i = 0; i < 4; i++) expect(code(await write(second.token, i))).toBeUndefined();
    expectRateLimited(await write(second.token, 4));
    t.clock.advance(60_000);
    expect(code(await write(second.token, 5))).toBeUndefined();
  });

  it('never limits queries or the health probes', async () => {
    for (let i = 0; i < 40; i++) expect((await post(t, `{ programs(first: 1) { totalCount } }`)).status).toBe(200);
    for (let i = 0; i < 40; i++) expect((await fetch(`${t.url}/health/live`)).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says otherwise', async () => {
    const spoofed: Answer[] = [];
    for (let i = 0; i < 13; i++) {
      spoofed.push(await post(t, LOG_IN, { input: { email: `spoof-${i}@example.test`, password: 'wrong-password-123' } }, { 'x-forwarded-for': `203.0.113.${i}` }));
    }
    expectRateLimited(spoofed[12]);
  });
});

describe(`mutation rate limits behind a trusted proxy (${engine})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { ...BUDGETS, TRUST_PROXY: 'loopback' } });
  }, 60_000);
  afterAll(async () => t?.close());
  beforeEach(() => t.clock.advance(60_000));

  const attempt = (email: string, client: string) => post(t, LOG_IN, { input: { email, password: 'wrong-password-123' } }, { 'x-forwarded-for': client });

  it('keys anonymous callers by the forwarded client address', async () => {
    for (let i = 0; i < 12; i++) expect(code(await attempt(`proxied-${i}@example.test`, '198.51.100.7'))).toBe('UNAUTHENTICATED');
    expectRateLimited(await attempt('proxied-12@example.test', '198.51.100.7'));
    expect(code(await attempt('proxied-13@example.test', '198.51.100.8'))).toBe('UNAUTHENTICATED');
  });

  it('limits attempts at one account whatever address they come from', async () => {
    for (let i = 0; i < 5; i++) expect(code(await attempt('target@example.test', `192.0.2.${i}`))).toBe('UNAUTHENTICATED');
    expectRateLimited(await attempt('TARGET@example.test', '192.0.2.99'));
  });
});
