import {
  GraphQLArgument,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { Role } from '@alternance/platform/domain';
import { PolicyGuard } from '@alternance/platform/nest';
import { OutboxRelay } from '@alternance/search/data-access';
import { SEARCH_INDEXES, SearchIndexes } from '@alternance/search/feature';
import { Actor, signUpCandidate, signUpEmployer, staff } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';
import { HOSTILE_CORPUS, OFFER, nested, query } from '../support/hostile-corpus';

/**
 * Documents built to exhaust the server. Each must be refused with a stable code (or an HTTP
 * 413/400 JSON error for bodies and batches) before any resolver runs, while the process keeps
 * answering its liveness probe.
 */
describe(`hostile GraphQL documents (${engine})`, () => {
  let t: TestApp;
  let guard: jest.SpyInstance;
  let sql: jest.SpyInstance;
  let searches: jest.SpyInstance[];

  beforeAll(async () => {
    t = await startTestApp();
    guard = jest.spyOn(PolicyGuard.prototype, 'canActivate');
    // Every statement a resolver could run; the outbox relay polls on its own and is left out.
    sql = jest.spyOn(t.orm.em.getConnection() as unknown as { executeQuery: () => unknown }, 'executeQuery');
    const indexes = t.app.get<SearchIndexes>(SEARCH_INDEXES);
    searches = [jest.spyOn(indexes.offers, 'search'), jest.spyOn(indexes.candidates, 'search')];
  }, 60_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  function resetCounters(): void {
    guard.mockClear();
    sql.mockClear();
    for (const s of searches) s.mockClear();
  }
  const resolverRuns = () => guard.mock.calls.length;
  /** Access control may check that a token's account still exists: that is not a resolver's read. */
  const notResolverWork = /outbox_events|^select count\(\*\) as .count. from .users. as .u0. where .u0.\..id. = /;
  const dataReads = () =>
    sql.mock.calls.filter(([statement]) => !notResolverWork.test(String(statement))).length + searches.reduce((n, s) => n + s.mock.calls.length, 0);

  async function post(body: string, token?: string): Promise<{ status: number; body: any; contentType: string | null }> {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed, contentType: res.headers.get('content-type') };
  }
  const corpus = HOSTILE_CORPUS;

  it('refuses every document with a stable code, runs no resolver, and keeps answering /health/live', async () => {
    // Liveness probes fired all along, as an orchestrator would.
    const probes: Promise<number>[] = [];
    let probing = true;
    const prober = (async () => {
      while (probing) {
        probes.push(fetch(`${t.url}/health/live`).then((r) => r.status, () => 0));
        await new Promise((r) => setTimeout(r, 5));
      }
    })();

    resetCounters();
    const outcomes = [];
    for (const c of corpus) {
      const res = await post(c.body());
      outcomes.push({
        name: c.name,
        status: res.status,
        json: !!res.contentType?.includes('application/json'),
        codes: (res.body.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code),
        data: res.body.data ?? null,
      });
    }
    probing = false;
    await prober;
    const statuses = await Promise.all(probes);

    expect(outcomes).toEqual(corpus.map((c) => ({ name: c.name, status: c.status, json: true, codes: expect.arrayContaining([c.code]), data: null })));
    for (const o of outcomes) expect(new Set(o.codes)).toEqual(new Set([corpus.find((c) => c.name === o.name)!.code]));
    expect(resolverRuns()).toBe(0);
    expect(dataReads()).toBe(0);
    expect(statuses.length).toBeGreaterThan(corpus.length);
    expect(statuses.every((s) => s === 200)).toBe(true);

    // The counters do see resolvers and reads: the same kind of query, within the limits, runs.
    const legit = await post(query(`{ offer(id: "${OFFER}") { ${nested(6, 'id')} } programs(first: 2) { totalCount } }`));
    expect(legit.status).toBe(200);
    expect(legit.body.errors).toBeUndefined();
    expect(resolverRuns()).toBeGreaterThan(0);
    expect(dataReads()).toBeGreaterThan(0);
  }, 120_000);

  it('never tells what a misspelt name was meant to be', async () => {
    const misspelt = [
      query(`{ progams(first: 1) { totalCount } }`),
      query(`{ programs(frist: 1) { totalCount } }`),
      query(`query ($input: OfferSearchInput!) { searchOffers(input: $input) { totalCount } }`, { input: { sort: 'NEWES' } }),
      query(`query ($input: OfferSearchInput!) { searchOffers(input: $input) { totalCount } }`, { input: { frist: 1 } }),
    ];
    for (const body of misspelt) {
      const res = await post(body);
      expect(res.body.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(res.body)).not.toMatch(/did you mean|suggestion/i);
    }
  });

  describe('page sizes', () => {
    let actors: Actor[];

    beforeAll(async () => {
      actors = [await staff(t, Role.ADMIN), await signUpCandidate(t), await signUpEmployer(t)];
      // Their sign-ups are indexed now, so the relay reads nothing more while pages are asked for.
      await t.app.get(OutboxRelay).drain();
    }, 60_000);

    /** A value the argument's type accepts, to reach the page-size check. */
    function sample(type: GraphQLInputType, schema: GraphQLSchema, first: number): unknown {
      if (isNonNullType(type)) return sample(type.ofType, schema, first);
      if (isListType(type)) return [];
      if (isEnumType(type)) return type.getValues()[0].value;
      if (isInputObjectType(type)) {
        const value: Record<string, unknown> = {};
        for (const field of Object.values(type.getFields())) {
          if (field.name === 'first') value.first = first;
          else if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sample(field.type, schema, first);
        }
        return value;
      }
      if (isScalarType(type)) return ({ ID: '00000000-0000-4000-8000-000000000002', Int: 1, Float: 1, Boolean: false } as Record<string, unknown>)[type.name] ?? 'x';
      return null;
    }

    const takesFirst = (arg: GraphQLArgument) => arg.name === 'first' || (isInputObjectType(getNamedType(arg.type)) && 'first' in (getNamedType(arg.type) as { getFields(): object }).getFields());

    it('refuses first: 99999999 on every list query with BAD_USER_INPUT, before reading any data', async () => {
      const introspection = await post(query(getIntrospectionQuery()));
      const schema = buildClientSchema(introspection.body.data);
      const fields = Object.values(schema.getQueryType()!.getFields()).filter((f) => f.args.some(takesFirst));
      expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['programs', 'occupations', 'skills', 'searchOffers', 'searchCandidates', 'matchOffersForCandidate']));

      for (const field of fields) {
        const variables: Record<string, unknown> = {};
        for (const arg of field.args) {
          if (arg.name === 'first') variables.first = 99_999_999;
          else if (takesFirst(arg) || (isNonNullType(arg.type) && arg.defaultValue === undefined)) variables[arg.name] = sample(arg.type, schema, 99_999_999);
        }
        const names = Object.keys(variables);
        const declared = names.map((n) => `$${n}: ${field.args.find((a) => a.name === n)!.type.toString()}`).join(', ');
        const named: GraphQLNamedType = getNamedType(field.type);
        const selection = isObjectType(named) ? '{ __typename }' : '';
        const document = `query${names.length ? ` (${declared})` : ''} { ${field.name}${names.length ? `(${names.map((n) => `${n}: $${n}`).join(', ')})` : ''} ${selection} }`;

        resetCounters();
        let answer: any;
        for (const actor of actors) {
          answer = (await post(query(document, variables), actor.token)).body;
          const code = answer.errors?.[0]?.extensions?.code;
          if (code !== 'FORBIDDEN' && code !== 'UNAUTHENTICATED') break;
        }
        const error = answer.errors?.[0];
        expect({ field: field.name, code: error?.extensions?.code }).toEqual({ field: field.name, code: 'BAD_USER_INPUT' });
        const paths: string[] = (error.extensions.fields ?? [{ path: error.extensions.field }]).map((f: { path: string }) => f.path);
        expect({ field: field.name, paths }).toEqual({ field: field.name, paths: expect.arrayContaining([expect.stringMatching(/(^|\.)first$/)]) });
        expect({ field: field.name, reads: dataReads() }).toEqual({ field: field.name, reads: 0 });
      }
    }, 120_000);
  });
});
