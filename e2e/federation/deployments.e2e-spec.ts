import http from 'node:http';
import { httpGql } from '../support/api-process';
import { HOSTILE_CORPUS } from '../support/hostile-corpus';
import { Deployment, startFederatedDeployment, startSingleProcess } from '../support/deployments';

/**
 * One scenario, run against the single-process API and against the federated deployment
 * (gateway, job-board, talent-marketplace and matcher subgraphs, worker), each started as
 * processes on a fresh copy of the same database: sign-up, offer, profile, search, match,
 * apply, move, with the errors a client meets on the way. Both transcripts must be the same,
 * ids and times aside.
 */
jest.setTimeout(240_000);

const PASSWORD = 'correct-horse-battery-staple';

type Response = Awaited<ReturnType<typeof httpGql>>;

interface Step {
  step: string;
  data: unknown;
  errors?: { code?: unknown; path?: unknown; field?: unknown; message: unknown }[];
}

/** Runs the scenario; returns what every step answered, in order. */
async function scenario(url: string): Promise<Step[]> {
  const steps: Step[] = [];
  const call = async (step: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Response> => {
    const res = await httpGql(url, query, variables, token);
    const errors = (res.errors as { message: string; path?: unknown; extensions?: { code?: unknown; field?: unknown } }[] | undefined)?.map((e) => ({
      message: e.message,
      code: e.extensions?.code,
      path: e.path,
      field: e.extensions?.field,
    }));
    steps.push({ step, data: res.data, ...(errors ? { errors } : {}) });
    return res;
  };
  /** Search indexes and match snapshots catch up from the outbox: ask again until `ready`, then record. */
  const eventually = async (step: string, query: string, variables: Record<string, unknown>, token: string | undefined, ready: (res: Response) => boolean) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await httpGql(url, query, variables, token);
      if (ready(res) || Date.now() > deadline) return call(step, query, variables, token);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const signUp = `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken user { id email role displayName organization { id name siret } } } }`;
  const employer = await call('employer signs up', signUp, {
    input: { email: 'lea.moreau@atelier-lumiere.test', password: PASSWORD, role: 'EMPLOYER', displayName: 'Léa Moreau', organization: { name: 'Atelier Lumière', siret: '73282932000074', country: 'FR' } },
  });
  const candidate = await call('candidate signs up', signUp, { input: { email: 'yanis.haddad@example.test', password: PASSWORD, role: 'CANDIDATE', displayName: 'Yanis Haddad' } });
  await call('the same email again', signUp, { input: { email: 'yanis.haddad@example.test', password: PASSWORD, role: 'CANDIDATE', displayName: 'Yanis H.' } });
  const employerToken = employer.data!.signUp.accessToken as string;
  const candidateToken = candidate.data!.signUp.accessToken as string;

  const offerFields = `id title status contractType romeCode remotePolicy positions location { city postcode country } startDate { earliest latest } organization { name } applicationsCount`;
  const created = await call(
    'employer creates an offer',
    `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { ${offerFields} } }`,
    {
      input: {
        title: 'Développeur web en alternance',
        description: 'Applications web pour nos clients lyonnais, en équipe de quatre.',
        contractType: 'APPRENTICESHIP',
        romeCode: 'M1805',
        location: { country: 'FR', postcode: '69003' },
        remotePolicy: 'HYBRID',
        startDate: { earliest: '2027-01-04', latest: '2027-03-01' },
      },
    },
    employerToken,
  );
  const offerId = created.data!.createOffer.id as string;
  await call('a candidate cannot create offers', `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }`, { input: { title: 'x', description: 'y', contractType: 'APPRENTICESHIP', romeCode: 'M1805', location: { country: 'FR', postcode: '69003' }, remotePolicy: 'ONSITE', startDate: { earliest: '2027-01-04', latest: '2027-03-01' } } }, candidateToken);
  await call('employer publishes it', `mutation ($id: ID!) { publishOffer(id: $id) { id status } }`, { id: offerId }, employerToken);

  await call('anonymous has no profile', `{ myCandidateProfile { id } }`);
  await call('a profile with a bad postcode', `mutation ($input: CandidateProfileInput!) { upsertMyCandidateProfile(input: $input) { id } }`, { input: { location: { country: 'FR', postcode: '6900' } } }, candidateToken);
  const profile = await call(
    'candidate builds a public profile',
    `mutation ($input: CandidateProfileInput!) { upsertMyCandidateProfile(input: $input) { id displayName email headline visibility desiredRomeCodes mobilityRadiusKm location { city } birthDate jobSeeker } }`,
    {
      input: {
        headline: 'Développeur web junior, JavaScript et accessibilité',
        desiredRomeCodes: ['M1805'],
        location: { country: 'FR', postcode: '69007' },
        mobilityRadiusKm: 30,
        remotePreference: 'HYBRID',
        availableFrom: '2027-01-04',
        birthDate: '2006-05-01',
        jobSeeker: false,
        visibility: 'PUBLIC',
      },
    },
    candidateToken,
  );
  const candidateId = profile.data!.upsertMyCandidateProfile.id as string;

  await eventually(
    'anonymous job board search',
    `query ($input: OfferSearchInput!) { searchOffers(input: $input) { totalCount edges { highlights { field snippet } node { ${offerFields} } } facets { field values { value count } } } }`,
    { input: { query: 'developpeur web', filters: { near: { lat: 45.75, lng: 4.85, radiusKm: 20 } }, facets: ['CONTRACT_TYPE'] } },
    undefined,
    (res) => res.data?.searchOffers?.totalCount > 0,
  );
  await eventually(
    'employer searches the marketplace',
    `query ($input: CandidateSearchInput!) { searchCandidates(input: $input) { totalCount edges { node { id displayName headline location { city } programs { id } } } } }`,
    { input: { query: 'javascript accessibilité' } },
    employerToken,
    (res) => res.data?.searchCandidates?.totalCount > 0,
  );
  await call('anonymous cannot search candidates', `{ searchCandidates(input: {}) { totalCount } }`);

  const matchFields = `score eligible reasons { code label contribution } trainingGap { skills { code } coveredBy { id } }`;
  await eventually(
    'candidate’s best offers',
    `query ($id: ID!) { matchOffersForCandidate(candidateId: $id, first: 5) { ${matchFields} offer { id title organization { name } } } }`,
    { id: candidateId },
    candidateToken,
    (res) => res.data?.matchOffersForCandidate?.length > 0,
  );
  await eventually(
    'employer’s best candidates',
    `query ($id: ID!) { matchCandidatesForOffer(offerId: $id, first: 5) { ${matchFields} candidate { id displayName headline } } }`,
    { id: offerId },
    employerToken,
    (res) => res.data?.matchCandidatesForOffer?.length > 0,
  );
  await call('another person’s matches', `query ($id: ID!) { matchOffersForCandidate(candidateId: $id) { score } }`, { id: candidateId }, employerToken);

  const applicationFields = `id status message allowedMoves offer { id title applicationsCount } candidate { id displayName } history { status actorRole note }`;
  const applied = await call(
    'candidate applies',
    `mutation ($input: ApplyInput!) { applyToOffer(input: $input) { ${applicationFields} } }`,
    { input: { offerId, message: 'Bonjour, votre projet m’intéresse beaucoup.' } },
    candidateToken,
  );
  const applicationId = applied.data!.applyToOffer.id as string;
  await call('and applies again', `mutation ($input: ApplyInput!) { applyToOffer(input: $input) { id } }`, { input: { offerId } }, candidateToken);
  await call('a move the pipeline refuses', `mutation ($id: ID!) { moveApplication(id: $id, status: HIRED) { id } }`, { id: applicationId }, employerToken);
  await call(
    'employer moves it to review',
    `mutation ($id: ID!) { moveApplication(id: $id, status: IN_REVIEW, note: "Profil intéressant") { ${applicationFields} } }`,
    { id: applicationId },
    employerToken,
  );
  await call(
    'employer reads the offer with its applications',
    `query ($id: ID!) { offer(id: $id) { ${offerFields} applications { totalCount edges { node { status candidate { displayName email } } } } invitations { totalCount } } }`,
    { id: offerId },
    employerToken,
  );
  await call('the candidate cannot read them', `query ($id: ID!) { offer(id: $id) { id applications { totalCount } } }`, { id: offerId }, candidateToken);
  await call('candidate’s applications', `{ myApplications { totalCount edges { node { ${applicationFields} } } } }`, {}, candidateToken);
  await call('employer’s notifications', `{ myNotifications { totalCount unreadCount edges { node { kind title subjectType read } } } }`, {}, employerToken);
  await call('candidate’s notifications', `{ myNotifications { totalCount unreadCount edges { node { kind title subjectType read } } } }`, {}, candidateToken);
  await call('the organization and its offers', `query ($id: ID!) { organization(id: $id) { name siret offers { id title status } } }`, { id: employer.data!.signUp.user.organization.id }, undefined);
  return steps;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const JWT = /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/;

/** The transcript with each id replaced by its order of first appearance, and times and tokens by placeholders. */
function normalise(steps: Step[]): unknown {
  const ids = new Map<string, string>();
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (UUID.test(value)) {
        if (!ids.has(value)) ids.set(value, `<id ${ids.size + 1}>`);
        return ids.get(value);
      }
      if (TIME.test(value)) return '<time>';
      if (JWT.test(value)) return '<token>';
      return value;
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(steps);
}

describe('the same scenario on both deployments', () => {
  const transcripts: Record<string, Step[]> = {};
  let single: Deployment | undefined;
  let federated: Deployment | undefined;

  afterAll(async () => {
    await single?.stop();
    await federated?.stop();
  });

  it('runs on the single-process API', async () => {
    single = await startSingleProcess();
    transcripts.single = await scenario(single.url);
    await single.stop();
    single = undefined;
    const step = (name: string) => transcripts.single.find((s) => s.step === name)!;
    // The scenario does what it says, so that equal transcripts mean something.
    expect(step('anonymous job board search').data).toMatchObject({ searchOffers: { totalCount: 1 } });
    expect(step('employer searches the marketplace').data).toMatchObject({ searchCandidates: { totalCount: 1 } });
    expect((step('candidate’s best offers').data as any).matchOffersForCandidate[0]).toMatchObject({ eligible: true, offer: { title: 'Développeur web en alternance' } });
    expect((step('employer’s best candidates').data as any).matchCandidatesForOffer[0]).toMatchObject({ eligible: true, candidate: { displayName: 'Yanis Haddad' } });
    expect(step('candidate applies').data).toMatchObject({ applyToOffer: { status: 'SUBMITTED', offer: { applicationsCount: 1 } } });
    expect(step('employer moves it to review').data).toMatchObject({ moveApplication: { status: 'IN_REVIEW' } });
    expect(step('employer reads the offer with its applications').data).toMatchObject({ offer: { applicationsCount: 1, applications: { totalCount: 1 } } });
    expect(step('and applies again').errors?.[0].code).toBe('CONFLICT');
    expect(step('a candidate cannot create offers').errors?.[0].code).toBe('FORBIDDEN');
    expect(step('anonymous has no profile').errors?.[0].code).toBe('UNAUTHENTICATED');
    expect(step('a profile with a bad postcode').errors?.[0].code).toBe('BAD_USER_INPUT');
    expect(step('the candidate cannot read them').errors?.[0].code).toBe('FORBIDDEN');
  });

  it('answers the same through the gateway of the federated deployment', async () => {
    expect(transcripts.single).toBeDefined();
    federated = await startFederatedDeployment({ GRAPHQL_PLAYGROUND: 'true', GRAPHQL_INTROSPECTION: 'true', LOG_LEVEL: 'info' });
    transcripts.federated = await scenario(federated.url);
    expect(normalise(transcripts.federated)).toEqual(normalise(transcripts.single));
  });

  it('grants nothing more to a client that reaches a subgraph directly', async () => {
    expect(federated).toBeDefined();
    const { subgraphs, url } = federated!;
    const signUp = `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }`;
    const other = await httpGql(url, signUp, { input: { email: 'ines.laurent@example.test', password: PASSWORD, role: 'CANDIDATE', displayName: 'Inès Laurent' } });
    const otherToken = other.data!.signUp.accessToken as string;
    const hidden = await httpGql(url, `mutation { upsertMyCandidateProfile(input: { headline: "Profil masqué", visibility: HIDDEN, birthDate: "2005-02-03" }) { id } }`, {}, otherToken);
    const hiddenId = hidden.data!.upsertMyCandidateProfile.id as string;
    const entities = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Candidate { id headline birthDate } } }`;
    const representation = { r: [{ __typename: 'Candidate', id: hiddenId }] };

    // No token: no writes, no profiles, on any subgraph.
    const write = await httpGql(subgraphs['talent-marketplace'], `mutation { updateOrganization(input: { name: "Pris" }) { id } }`);
    expect((write.errors as any[])[0].extensions.code).toBe('UNAUTHENTICATED');
    for (const name of ['job-board', 'talent-marketplace', 'matcher']) {
      expect((await httpGql(subgraphs[name], entities, representation)).data).toEqual({ _entities: [null] });
    }
    // A forged token is refused by the subgraph itself.
    const forged = `${otherToken.slice(0, -4)}AAAA`;
    const refused = await httpGql(subgraphs['job-board'], `{ myCandidateProfile { id } }`, {}, forged);
    expect((refused.errors as any[])[0].extensions.code).toBe('UNAUTHENTICATED');
    // A HIDDEN profile stays hidden from an employer, and private fields stay private.
    const employer = await httpGql(url, `mutation { logIn(input: { email: "lea.moreau@atelier-lumiere.test", password: "${PASSWORD}" }) { accessToken } }`);
    const employerToken = employer.data!.logIn.accessToken as string;
    expect((await httpGql(subgraphs.matcher, entities, representation, employerToken)).data).toEqual({ _entities: [null] });
    const yanis = transcripts.federated.find((s) => s.step === 'candidate builds a public profile')!.data as any;
    const publicProfile = await httpGql(subgraphs['talent-marketplace'], entities, { r: [{ __typename: 'Candidate', id: yanis.upsertMyCandidateProfile.id }] }, employerToken);
    expect((publicProfile.data as any)._entities[0]).toMatchObject({ headline: 'Développeur web junior, JavaScript et accessibilité', birthDate: null });
    expect((publicProfile.errors as any[])[0].extensions.code).toBe('FORBIDDEN');
    // Several offers in one entity fetch (read together): drafts only for their organization, unknown ids null.
    const published = (transcripts.federated.find((s) => s.step === 'employer creates an offer')!.data as any).createOffer.id as string;
    const draft = await httpGql(url, `mutation { createOffer(input: { title: "Brouillon", description: "Pas encore publié.", contractType: APPRENTICESHIP, romeCode: "M1805", location: { country: FR, postcode: "69003" }, remotePolicy: ONSITE, startDate: { earliest: "2027-01-04", latest: "2027-03-01" } }) { id } }`, {}, employerToken);
    const draftId = (draft.data as any).createOffer.id as string;
    const offers = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Offer { id status } } }`;
    const three = { r: [published, draftId, 'not-an-id'].map((id) => ({ __typename: 'Offer', id })) };
    for (const name of ['job-board', 'talent-marketplace', 'matcher']) {
      expect([name, (await httpGql(subgraphs[name], offers, three)).data]).toEqual([name, { _entities: [{ id: published, status: 'PUBLISHED' }, null, null] }]);
      expect([name, (await httpGql(subgraphs[name], offers, three, employerToken)).data]).toEqual([
        name,
        { _entities: [{ id: published, status: 'PUBLISHED' }, { id: draftId, status: 'DRAFT' }, null] },
      ]);
    }
    // Its owner reads it, through any subgraph.
    expect((await httpGql(subgraphs.matcher, entities, representation, otherToken)).data).toEqual({ _entities: [{ id: hiddenId, headline: 'Profil masqué', birthDate: '2005-02-03' }] });
  });

  it('serves the playground and one request id across the processes', async () => {
    const { url, output } = federated!;
    const page = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('GraphQL playground');
    const ready = await fetch(`${url}/health/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ok', checks: { 'job-board': 'up', 'talent-marketplace': 'up', matcher: 'up' } });
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-federated-0001' },
      body: JSON.stringify({ query: '{ searchOffers(input: { first: 1 }) { edges { node { title organization { offers { id } } } } } }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('trace-federated-0001');
    await res.json();
    await new Promise((r) => setTimeout(r, 200));
    const lines = output.filter((line) => line.includes('trace-federated-0001'));
    expect(lines.some((l) => l.startsWith('[gateway]'))).toBe(true);
    expect(lines.some((l) => l.startsWith('[job-board]'))).toBe(true);
    expect(lines.some((l) => l.startsWith('[talent-marketplace]'))).toBe(true);
  });

  it('refuses the hostile corpus at the gateway, before any subgraph hears of it', async () => {
    const { url, output } = federated!;
    const mark = output.length;
    const outcomes = [];
    for (const c of HOSTILE_CORPUS) {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: c.body() });
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[]; data?: unknown };
      outcomes.push({ name: c.name, status: res.status, codes: [...new Set((body.errors ?? []).map((e) => e.extensions?.code))], data: body.data ?? null });
    }
    expect(outcomes).toEqual(HOSTILE_CORPUS.map((c) => ({ name: c.name, status: c.status, codes: [c.code], data: null })));
    await new Promise((r) => setTimeout(r, 300));
    const reachedSubgraphs = output.slice(mark).filter((line) => !line.startsWith('[gateway]') && line.includes('"event":"request"'));
    expect(reachedSubgraphs).toEqual([]);
  });

  it('counts sign-in attempts per client, not per gateway, and believes no client about its address', async () => {
    const { url } = federated!;
    /** A sign-in attempt from a given loopback address, optionally claiming another one. */
    let n = 0;
    const attempt = (from: string, claim?: string) =>
      new Promise<{ status?: number; retryAfter?: string; code?: string; retryAfterSeconds?: number }>((resolve, reject) => {
        // A new address each time: the per-account budget stays out of the way.
        const body = JSON.stringify({ query: `mutation { logIn(input: { email: "nobody-${n++}@example.test", password: "wrong-password-123" }) { accessToken } }` });
        const req = http.request(`${url}/graphql`, { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', ...(claim ? { 'x-forwarded-for': claim } : {}) } }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => {
            const extensions = (JSON.parse(text).errors?.[0]?.extensions ?? {}) as { code?: string; retryAfterSeconds?: number };
            resolve({ status: res.statusCode, retryAfter: res.headers['retry-after'], ...extensions });
          });
        });
        req.on('error', reject);
        req.end(body);
      });
    // The default budget is 30 sign-ins and sign-ups a minute from one address, in windows
    // aligned on the clock's minutes: the attempts (a few seconds) start early in one, so that
    // they do not straddle two windows that would each stay under the budget.
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 40_000) await new Promise((r) => setTimeout(r, 60_000 - intoWindow + 250));
    const answers = [];
    for (let i = 0; i < 32; i++) answers.push(await attempt('127.0.0.2', `10.0.0.${i}`));
    expect(answers[0].code).toBe('UNAUTHENTICATED');
    const limited = answers[31];
    expect(limited).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(limited.retryAfter).toBe(String(limited.retryAfterSeconds));
    // Another client behind the same gateway still has its own budget.
    expect((await attempt('127.0.0.3')).code).toBe('UNAUTHENTICATED');
  });

  it('answers from the other subgraphs when one is down, with SERVICE_UNAVAILABLE for its part, and reports itself degraded', async () => {
    const { url, stopProcess } = federated!;
    await stopProcess('matcher');
    const others = await httpGql(url, `{ programs(first: 1) { totalCount } organization(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(others).toEqual({ data: { programs: { totalCount: expect.any(Number) }, organization: null } });
    const res = await httpGql(url, `{ matchOffersForCandidate(candidateId: "00000000-0000-4000-8000-000000000000") { score } }`);
    expect(res.data).toBeNull();
    expect((res.errors as any[]).map((e) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(JSON.stringify(res.errors)).not.toMatch(/matcher|127\.0\.0\.1|ECONNREFUSED/);
    // Still ready (it answers everything but the matcher's fields), and says what is missing.
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'degraded', checks: { matcher: 'down', 'job-board': 'up', 'talent-marketplace': 'up' }, failing: ['matcher'] });
    // With every subgraph down it is not.
    await stopProcess('job-board');
    await stopProcess('talent-marketplace');
    const down = await fetch(`${url}/health/ready`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', failing: expect.arrayContaining(['matcher', 'job-board', 'talent-marketplace']) });
  });
});
