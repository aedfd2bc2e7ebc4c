import { Role } from '@alternance/platform/domain';
import { OfferEntity } from '@alternance/offers/data-access';
import { signUpCandidate, signUpEmployer, staff, Actor } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';

const OFFER_FIELDS = `id title status contractType romeCode positions publishedAt expiresAt applicationsCount
  organization { id name }
  hireContract { type durationMonths }
  skills { skill { code label } level required }
  programs { id title }
  location { city postcode inseeCode country lat lng }
  startDate { earliest latest }
  salary { min max currency period }`;
const CREATE = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { ${OFFER_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { ${OFFER_FIELDS} } }`;
const PUBLISH = `mutation ($id: ID!) { publishOffer(id: $id) { id status publishedAt expiresAt } }`;
const CLOSE = `mutation ($id: ID!) { closeOffer(id: $id) { id status } }`;
const GET = `query ($id: ID!) { offer(id: $id) { id status title } }`;

function offerInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Développeur web en alternance',
    description: 'Vous développez des applications web au sein d’une équipe produit.',
    contractType: 'APPRENTICESHIP',
    romeCode: 'M1805',
    location: { country: 'FR', postcode: '69003' },
    remotePolicy: 'HYBRID',
    startDate: { earliest: '2027-01-04', latest: '2027-03-01' },
    ...overrides,
  };
}

describe(`offers (${engine})`, () => {
  let t: TestApp;
  let employer: Actor;
  let rival: Actor;
  let candidate: Actor;
  let recruiter: Actor;
  let skillCode: string;
  let programId: string;

  beforeAll(async () => {
    t = await startTestApp();
    employer = await signUpEmployer(t, 'Atelier Numérique');
    rival = await signUpEmployer(t, 'Concurrent SA');
    candidate = await signUpCandidate(t);
    recruiter = await staff(t, Role.RECRUITER);
    const skills = await t.gql(`{ skills(romeCode: "M1805", first: 1) { edges { node { code label } } } }`);
    skillCode = skills.data!.skills.edges[0].node.code;
    const programs = await t.gql(`{ programs(first: 1, filter: { level: 6 }) { edges { node { id } } } }`);
    programId = programs.data!.programs.edges[0].node.id;
  });
  afterAll(() => t.close());

  it('creates a draft with looked-up coordinates, skill labels and programs', async () => {
    const res = await t.gql(
      CREATE,
      { input: offerInput({ skills: [{ code: skillCode, level: 'INTERMEDIATE', required: true }], programIds: [programId], salary: { min: 900, max: 1400 } }) },
      employer.token,
    );
    expect(res.errors).toBeUndefined();
    const offer = res.data!.createOffer;
    expect(offer).toMatchObject({ status: 'DRAFT', organization: { id: employer.organizationId }, applicationsCount: 0, publishedAt: null });
    expect(offer.location).toMatchObject({ city: expect.stringMatching(/^Lyon/), postcode: '69003', inseeCode: '69383', country: 'FR' });
    expect(offer.location.lat).toBeCloseTo(45.76, 1);
    expect(offer.location.lng).toBeCloseTo(4.85, 1);
    expect(offer.skills[0]).toMatchObject({ skill: { code: skillCode, label: expect.any(String) }, level: 'INTERMEDIATE', required: true });
    expect(offer.programs).toEqual([{ id: programId, title: expect.any(String) }]);
    expect(offer.salary).toEqual({ min: 900, max: 1400, currency: 'EUR', period: 'MONTH' });
  });

  it('keeps drafts from everyone but their organization and staff', async () => {
    const id = (await t.gql(CREATE, { input: offerInput() }, employer.token)).data!.createOffer.id;
    expect((await t.gql(GET, { id })).data!.offer).toBeNull();
    expect((await t.gql(GET, { id }, candidate.token)).data!.offer).toBeNull();
    expect((await t.gql(GET, { id }, rival.token)).data!.offer).toBeNull();
    expect((await t.gql(GET, { id }, employer.token)).data!.offer.id).toBe(id);
    expect((await t.gql(GET, { id }, recruiter.token)).data!.offer.id).toBe(id);
  });

  it('publishes with a two-month expiry, then closes for good', async () => {
    const id = (await t.gql(CREATE, { input: offerInput() }, employer.token)).data!.createOffer.id;
    const published = await t.gql(PUBLISH, { id }, employer.token);
    expect(published.data!.publishOffer).toMatchObject({ status: 'PUBLISHED', publishedAt: '2026-11-23T09:00:00.000Z', expiresAt: '2027-01-22T09:00:00.000Z' });
    expect((await t.gql(GET, { id })).data!.offer.status).toBe('PUBLISHED');

    const again = await t.gql(PUBLISH, { id }, employer.token);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_STATUS_CHANGE' });
    expect(again.errors?.[0].message).toContain('allowed: CLOSED, FILLED');

    expect((await t.gql(CLOSE, { id }, employer.token)).data!.closeOffer.status).toBe('CLOSED');
    const edit = await t.gql(UPDATE, { id, input: { title: 'Reopened?' } }, employer.token);
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OFFER_NOT_EDITABLE' });
  });

  it('lets only the organization and staff change an offer', async () => {
    const id = (await t.gql(CREATE, { input: offerInput() }, employer.token)).data!.createOffer.id;
    await t.gql(PUBLISH, { id }, employer.token);
    const byRival = await t.gql(UPDATE, { id, input: { title: 'Hijacked title' } }, rival.token);
    expect(byRival.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_OFFER' });
    const byCandidate = await t.gql(CLOSE, { id }, candidate.token);
    expect(byCandidate.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(CLOSE, { id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const byStaff = await t.gql(UPDATE, { id, input: { positions: 3 } }, recruiter.token);
    expect(byStaff.data!.updateOffer.positions).toBe(3);
    expect((await t.gql(GET, { id })).data!.offer.title).toBe('Développeur web en alternance');
  });

  it('refuses offers for another organization, and needs an organization from staff', async () => {
    const forRival = await t.gql(CREATE, { input: offerInput({ organizationId: rival.organizationId }) }, employer.token);
    expect(forRival.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_ORGANIZATION' });
    const staffNoOrg = await t.gql(CREATE, { input: offerInput() }, recruiter.token);
    expect(staffNoOrg.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    const staffOk = await t.gql(CREATE, { input: offerInput({ organizationId: rival.organizationId }) }, recruiter.token);
    expect(staffOk.data!.createOffer.organization.id).toBe(rival.organizationId);
    expect((await t.gql(CREATE, { input: offerInput() }, candidate.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('answers bad input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = await t.orm.em.fork().count(OfferEntity);
    const cases: [Record<string, unknown>, string][] = [
      [offerInput({ romeCode: 'Z9999' }), 'romeCode'],
      [offerInput({ romeCode: 'A0000' }), 'romeCode'],
      [offerInput({ startDate: { earliest: '2027-03-01', latest: '2027-01-04' } }), 'startDate.latest'],
      [offerInput({ startDate: { earliest: '2027-02-30', latest: '2027-03-04' } }), 'startDate.earliest'],
      [offerInput({ location: { country: 'UK', lat: 200, lng: 0 } }), 'location.lat'],
      [offerInput({ location: { country: 'FR', postcode: '00000' } }), 'location.postcode'],
      [offerInput({ title: 'x'.repeat(1024 * 1024) }), 'title'],
      [offerInput({ contractType: 'POEI' }), 'hireContract'],
      [offerInput({ contractType: 'POEI', hireContract: { type: 'CDD' } }), 'hireContract.durationMonths'],
      [offerInput({ skills: [{ code: '999999999', level: 'EXPERT', required: true }] }), 'skills[0].code'],
      [offerInput({ programIds: ['00000000-0000-4000-8000-000000000000'] }), 'programIds[0]'],
      [offerInput({ salary: { min: 2000, max: 1000 } }), 'salary.max'],
      [offerInput({ positions: 0 }), 'positions'],
      [offerInput({ unknownField: 1 }), 'unknownField'],
    ];
    for (const [input, field] of cases) {
      const res = await t.gql(CREATE, { input }, employer.token);
      expect({ field, extensions: res.errors?.[0].extensions }).toMatchObject({ field, extensions: { code: 'BAD_USER_INPUT', field } });
    }
    const missing = { ...offerInput() } as Record<string, unknown>;
    delete missing.title;
    const res = await t.gql(CREATE, { input: missing }, employer.token);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(await t.orm.em.fork().count(OfferEntity)).toBe(before);
  });

  it('accepts a POEI with its hire contract, and a UK offer by coordinates', async () => {
    const poei = await t.gql(CREATE, { input: offerInput({ contractType: 'POEI', hireContract: { type: 'CDD', durationMonths: 12 } }) }, employer.token);
    expect(poei.data!.createOffer.hireContract).toEqual({ type: 'CDD', durationMonths: 12 });
    const uk = await t.gql(CREATE, { input: offerInput({ location: { country: 'UK', city: 'Leeds', lat: 53.8, lng: -1.55 }, salary: { min: 20000, period: 'YEAR' } }) }, employer.token);
    expect(uk.data!.createOffer.location).toMatchObject({ city: 'Leeds', country: 'UK', lat: 53.8, lng: -1.55 });
    expect(uk.data!.createOffer.salary).toMatchObject({ currency: 'GBP', period: 'YEAR' });
  });

  it('refuses to clear a required field or publish a start window in the past', async () => {
    const id = (await t.gql(CREATE, { input: offerInput({ startDate: { earliest: '2026-01-05', latest: '2026-02-01' } }) }, employer.token)).data!.createOffer.id;
    const cleared = await t.gql(UPDATE, { id, input: { title: null } }, employer.token);
    expect(cleared.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    const past = await t.gql(PUBLISH, { id }, employer.token);
    expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startDate.latest' });
    const fixed = await t.gql(UPDATE, { id, input: { startDate: { earliest: '2027-01-04', latest: '2027-02-01' } } }, employer.token);
    expect(fixed.data!.updateOffer.startDate).toEqual({ earliest: '2027-01-04', latest: '2027-02-01' });
    expect((await t.gql(PUBLISH, { id }, employer.token)).data!.publishOffer.status).toBe('PUBLISHED');
  });

  it('lists an organization’s offers: published ones for the public, all for its members', async () => {
    const org = await signUpEmployer(t, 'Menuiserie Bois');
    const draft = (await t.gql(CREATE, { input: offerInput() }, org.token)).data!.createOffer.id;
    const live = (await t.gql(CREATE, { input: offerInput({ title: 'Menuisier en alternance' }) }, org.token)).data!.createOffer.id;
    await t.gql(PUBLISH, { id: live }, org.token);
    const q = `query ($id: ID!) { organization(id: $id) { name offers { id status } } }`;
    const asPublic = await t.gql(q, { id: org.organizationId });
    expect(asPublic.data!.organization.offers).toEqual([{ id: live, status: 'PUBLISHED' }]);
    const asMember = await t.gql(q, { id: org.organizationId }, org.token);
    expect(asMember.data!.organization.offers.map((o: { id: string }) => o.id).sort()).toEqual([draft, live].sort());
  });
});
