import { SearchDocument } from '@alternance/search/domain';
import { SEARCH_INDEXES, SearchIndexes } from '@alternance/search/feature';
import { NotificationEntity } from '@alternance/notifications/data-access';
import { RetentionJob, SavedSearchAlertsJob } from '@alternance/notifications/feature';
import { Actor, PASSWORD, signUpCandidate, signUpEmployer } from '../support/actors';
import { GraphqlResponse, TestApp, engine, startTestApp } from '../support/test-app';
import { mailSettled, mails, publishOffer } from './notifications-support';

/** Words and values that would betray disability status, gender or a priority category. */
const SENSITIVE =
  /NON_BINARY|non.?binary|disab|handicap|RQTH|gender|genre|qualification|LEVEL_7|\bQPV\b|livesInQpv|lives_in_qpv|quartier|refug|réfugi|internationalProtection|international_protection|situationBefore|situation_before|EMPLOYED/i;
const EMPLOYER_FIELDS = 'id displayName headline skills { skill { code } } desiredRomeCodes location { city } visibility';
const MATCH_FOR_OFFER = (selection: string) => `query ($offerId: ID!) { matchCandidatesForOffer(offerId: $offerId) { ${selection} } }`;
/** Every private field, the priority categories included: none of them is for an employer. */
const PRIVATE_FIELDS = ['disabilityRecognised', 'gender', 'highestQualification', 'livesInQpv', 'internationalProtection', 'situationBefore', 'sensitiveDataConsent'];

describe(`sensitive fields stay private (${engine})`, () => {
  let t: TestApp;
  let sam: Actor;
  let employer: Actor;
  let candidateId: string;
  let offerId: string;
  /** What the employer's matching answered while the offer was open: the full answer, then each private field asked for by name. */
  let matched: GraphqlResponse;
  const matchedByField = new Map<string, GraphqlResponse>();
  const indexed: SearchDocument[] = [];
  const logged: string[] = [];

  beforeAll(async () => {
    // Everything the process logs, through console or straight to its output streams.
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    for (const stream of [process.stdout, process.stderr]) {
      jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      });
    }
    t = await startTestApp({ now: new Date('2026-11-23T09:00:00Z'), env: { LOG_LEVEL: 'debug', JWT_TTL_SECONDS: String(30 * 24 * 3600) } });
    const candidates = t.app.get<SearchIndexes>(SEARCH_INDEXES).candidates;
    const upsert = candidates.upsert.bind(candidates);
    jest.spyOn(candidates, 'upsert').mockImplementation(async (docs) => {
      indexed.push(...docs);
      return upsert(docs);
    });
    sam = await signUpCandidate(t, 'Sam Rivière');
    employer = await signUpEmployer(t, 'Fournil Lyonnais');
    const profile = await t.gql(
      `mutation ($input: CandidateProfileInput!) { upsertMyCandidateProfile(input: $input) { id ${PRIVATE_FIELDS.join(' ')} } }`,
      {
        input: {
          headline: 'Boulanger en reconversion',
          desiredRomeCodes: ['D1104'],
          location: { country: 'FR', postcode: '69003' },
          availableFrom: '2027-01-01',
          visibility: 'PUBLIC',
          birthDate: '2006-05-12',
          sensitiveDataConsent: true,
          disabilityRecognised: true,
          gender: 'NON_BINARY',
          highestQualification: 'LEVEL_7',
          livesInQpv: true,
          internationalProtection: true,
          situationBefore: 'EMPLOYED',
        },
      },
      sam.token,
    );
    expect(profile.data!.upsertMyCandidateProfile).toMatchObject({
      disabilityRecognised: true,
      gender: 'NON_BINARY',
      highestQualification: 'LEVEL_7',
      livesInQpv: true,
      internationalProtection: true,
      situationBefore: 'EMPLOYED',
    });
    candidateId = profile.data!.upsertMyCandidateProfile.id;
    // Refused inputs too: a value outside its list, a declaration with consent withdrawn at once.
    const refusals = [{ highestQualification: 'LEVEL_9' }, { situationBefore: 'RETIRED' }, { sensitiveDataConsent: false, livesInQpv: true, internationalProtection: true }];
    for (const input of refusals) {
      const refused = await t.gql(`mutation ($input: CandidateProfileInput!) { upsertMyCandidateProfile(input: $input) { id } }`, { input }, sam.token);
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }

    // Activity that produces index documents, notices, mails and log lines about Sam.
    expect((await t.gql(`mutation { saveSearch(input: { name: "Boulange", search: { query: "boulanger" }, alert: true }) { id } }`, {}, sam.token)).errors).toBeUndefined();
    t.clock.set(new Date('2026-11-23T12:00:00Z'));
    offerId = await publishOffer(t, employer.token, 'Boulanger en alternance');
    const applied = await t.gql(`mutation ($input: ApplyInput!) { applyToOffer(input: $input) { id } }`, { input: { offerId, message: 'Bonjour' } }, sam.token);
    expect(applied.errors).toBeUndefined();
    matched = await t.gql(MATCH_FOR_OFFER(`score eligible reasons { code label } candidate { ${EMPLOYER_FIELDS} }`), { offerId }, employer.token);
    for (const field of PRIVATE_FIELDS) matchedByField.set(field, await t.gql(MATCH_FOR_OFFER(`candidate { ${field} }`), { offerId }, employer.token));
    t.clock.set(new Date('2026-11-24T00:00:00Z'));
    expect(await t.app.get(SavedSearchAlertsJob).run(t.clock.now())).toMatchObject({ digests: 1 });
    t.clock.set(new Date('2028-10-24T00:00:00Z'));
    expect(await t.app.get(RetentionJob).run(t.clock.now())).toMatchObject({ warned: 1 });
    await mailSettled(t);
    // Sign-ups, an application and two jobs: slower than the default hook timeout on PostgreSQL.
  }, 30_000);
  afterAll(async () => {
    await t.close();
    jest.restoreAllMocks();
  });

  it('keeps them out of the search index documents', () => {
    const mine = indexed.filter((d) => d.id === candidateId);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0]).toMatchObject({ displayName: 'Sam Rivière', headline: 'Boulanger en reconversion' });
    for (const doc of mine) {
      expect(Object.keys(doc).filter((k) => SENSITIVE.test(k))).toEqual([]);
      expect(JSON.stringify(doc)).not.toMatch(SENSITIVE);
    }
  });

  it('keeps them out of every notification and every mail', async () => {
    const notifications = await t.orm.em.fork().find(NotificationEntity, {});
    expect(notifications.map((n) => n.kind)).toEqual(expect.arrayContaining(['SAVED_SEARCH_DIGEST', 'RETENTION_WARNING', 'APPLICATION_RECEIVED']));
    for (const n of notifications) expect(`${n.title}\n${n.body}`).not.toMatch(SENSITIVE);
    const sent = mails(t);
    expect(sent.length).toBe(notifications.length);
    for (const m of sent) expect(`${m.subject}\n${m.text}`).not.toMatch(SENSITIVE);
  });

  it('keeps them out of what an employer reads', async () => {
    const login = await t.gql(`mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }`, { input: { email: employer.email, password: PASSWORD } });
    const token = login.data!.logIn.accessToken as string;
    const fields = EMPLOYER_FIELDS;
    const profile = await t.gql(`query ($id: ID!) { candidate(id: $id) { ${fields} } }`, { id: candidateId }, token);
    expect(profile.data!.candidate.displayName).toBe('Sam Rivière');
    const found = await t.gql(`{ searchCandidates(input: { query: "boulanger" }) { edges { node { ${fields} } } } }`, {}, token);
    expect(found.data!.searchCandidates.edges.map((e: any) => e.node.id)).toContain(candidateId);
    expect(matched.errors).toBeUndefined();
    expect(matched.data!.matchCandidatesForOffer.map((m: any) => m.candidate.id)).toContain(candidateId);
    const received = await t.gql(
      `query ($id: ID!) { offer(id: $id) { applications { edges { node { id status message answers { answer } history { status } candidate { ${fields} } } } } } }`,
      { id: offerId },
      token,
    );
    expect(received.errors).toBeUndefined();
    expect(received.data!.offer.applications.edges.map((e: any) => e.node.candidate.id)).toEqual([candidateId]);
    expect(JSON.stringify([profile.data, found.data, matched.data, received.data])).not.toMatch(SENSITIVE);
    // Asked for by name, through every way an employer reaches a profile: refused.
    const routes = [
      (field: string) => t.gql(`query ($id: ID!) { candidate(id: $id) { ${field} } }`, { id: candidateId }, token),
      (field: string) => t.gql(`{ searchCandidates(input: { query: "boulanger" }) { edges { node { ${field} } } } }`, {}, token),
      async (field: string) => matchedByField.get(field)!,
      (field: string) => t.gql(`query ($id: ID!) { offer(id: $id) { applications { edges { node { candidate { ${field} } } } } } }`, { id: offerId }, token),
    ];
    for (const field of PRIVATE_FIELDS) {
      for (const [i, route] of routes.entries()) {
        const res = await route(field);
        expect({ field, route: i, errors: res.errors?.map((e) => e.extensions) }).toMatchObject({ field, route: i, errors: [{ code: 'FORBIDDEN', reason: 'PRIVATE_FIELD' }] });
        const values: unknown[] = [];
        JSON.stringify(res.data, (key, value: unknown) => (key === field && values.push(value), value));
        expect({ field, route: i, values }).toEqual({ field, route: i, values: values.map(() => null) });
        expect(values.length).toBeGreaterThan(0);
      }
    }
  });

  it('keeps them out of the log', () => {
    // The request log and this context's job lines (digest, retention, mail) were captured.
    expect(logged.some((line) => line.includes('"event":"request"'))).toBe(true);
    expect(logged.some((line) => line.includes('retention: 1 warning(s)'))).toBe(true);
    expect(logged.filter((line) => SENSITIVE.test(line))).toEqual([]);
  });
});
