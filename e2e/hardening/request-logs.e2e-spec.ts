import { TestApp, engine, startTestApp } from '../support/test-app';

/**
 * The access log is one JSON line per request and never carries what users sent or got:
 * this captures everything the process writes while people sign up, sign in and fill in a
 * profile (and fail to), and looks for their data in it.
 */
describe(`request logs (${engine})`, () => {
  let t: TestApp;
  let captured: string[] = [];
  const spies: jest.SpyInstance[] = [];

  beforeAll(async () => {
    // Start-up lines at debug level are not what this is about: keep them out of the test output.
    startCapture();
    try {
      t = await startTestApp({ env: { LOG_LEVEL: 'debug' } });
    } finally {
      stopCapture();
    }
  }, 60_000);
  afterAll(async () => {
    for (const s of spies) s.mockRestore();
    await t?.close();
  });

  function startCapture(): void {
    captured = [];
    const keep = (chunk: unknown) => (captured.push(String(chunk)), true);
    spies.push(jest.spyOn(process.stdout, 'write').mockImplementation(keep), jest.spyOn(process.stderr, 'write').mockImplementation(keep));
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      spies.push(jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void captured.push(args.map(String).join(' '))));
    }
  }
  function stopCapture(): string[] {
    for (const s of spies.splice(0)) s.mockRestore();
    return captured.join('\n').split('\n').filter((l) => l.trim());
  }

  async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return { res, body: (await res.json()) as { data?: any; errors?: unknown[] } };
  }

  it('writes one JSON line per request, with no email, password, token, name or profile data', async () => {
    const email = `Log.Person-${engine}@example.test`;
    const password = 'a very secret passphrase 4 logs';
    const secrets = { email, password, displayName: 'Zéphyrine Quassel', headline: 'Soudeuse passionnée Quasselwerk', birthDate: '2006-03-17' };

    startCapture();
    const signUp = await post(`mutation SignUp($input: SignUpInput!) { signUp(input: $input) { accessToken user { id email displayName } } }`, {
      input: { email, password, role: 'CANDIDATE', displayName: secrets.displayName },
    });
    const token = signUp.body.data.signUp.accessToken as string;
    const wrong = await post(`mutation LogIn($input: LogInInput!) { logIn(input: $input) { accessToken } }`, { input: { email, password: `${password}!` } });
    const logIn = await post(
      `mutation LogIn($input: LogInInput!) { logIn(input: $input) { accessToken } }`,
      { input: { email, password } },
      { 'x-request-id': 'trace-logs-001' },
    );
    const profile = await post(
      `mutation SaveProfile($input: CandidateProfileInput!) { upsertMyCandidateProfile(input: $input) { id headline birthDate } }`,
      { input: { headline: secrets.headline, birthDate: secrets.birthDate, visibility: 'PUBLIC' } },
      { authorization: `Bearer ${token}` },
    );
    const bad = await post(`mutation SaveProfile($input: CandidateProfileInput!) { upsertMyCandidateProfile(input: $input) { id } }`, { input: { birthDate: 'not a date' } }, { authorization: `Bearer ${token}` });
    const getQuery = await fetch(`${t.url}/graphql?query=${encodeURIComponent(`{ offer(id: "${email}") { id } }`)}`, { headers: { 'apollo-require-preflight': 'true' } });
    await new Promise((r) => setTimeout(r, 50));
    const lines = stopCapture();

    expect(wrong.body.errors).toBeDefined();
    expect(logIn.body.data.logIn.accessToken).toBeDefined();
    expect(profile.body.data.upsertMyCandidateProfile.headline).toBe(secrets.headline);
    expect(bad.body.errors).toBeDefined();
    expect(getQuery.status).toBe(200);

    const entries = lines.map((line) => JSON.parse(line) as { level: string; context?: string; message: any });
    const requests = entries.filter((e) => e.message?.event === 'request').map((e) => e.message);
    expect(requests).toHaveLength(6);
    for (const r of requests) {
      expect(r).toEqual(
        expect.objectContaining({ method: expect.stringMatching(/^(GET|POST)$/), path: '/graphql', status: 200, durationMs: expect.any(Number), requestId: expect.any(String) }),
      );
    }
    expect(requests.map((r) => r.operationName ?? null)).toEqual(['SignUp', 'LogIn', 'LogIn', 'SaveProfile', 'SaveProfile', null]);
    expect(requests.map((r) => r.operationType)).toEqual(['mutation', 'mutation', 'mutation', 'mutation', 'mutation', 'query']);
    expect(requests.find((r) => r.requestId === 'trace-logs-001')?.operationName).toBe('LogIn');
    expect(requests[1].errorCodes).toEqual(['UNAUTHENTICATED']);
    expect(requests[4].errorCodes).toEqual(['BAD_USER_INPUT']);

    const all = lines.join('\n');
    const tokens = [token, logIn.body.data.logIn.accessToken as string];
    for (const secret of [...Object.values(secrets), email.toLowerCase(), ...tokens, ...tokens.map((tk) => tk.split('.')[2])]) {
      expect({ secret, found: all.includes(secret) }).toEqual({ secret, found: false });
    }
    expect(all).not.toMatch(/password|scrypt|Bearer/i);
  });

  it('logs health probes at debug level only', async () => {
    startCapture();
    await fetch(`${t.url}/health/live`);
    await new Promise((r) => setTimeout(r, 20));
    const lines = stopCapture().map((l) => JSON.parse(l));
    expect(lines).toEqual([expect.objectContaining({ level: 'debug', message: expect.objectContaining({ event: 'request', path: '/health/live', status: 200 }) })]);
  });
});
