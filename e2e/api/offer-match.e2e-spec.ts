import { APPRENTICE_PROFILE, Actor, createOffer, signUpCandidate, signUpEmployer, upsertProfile } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';

const ONE = `query ($candidate: ID!, $offer: ID!) {
  matchOfferForCandidate(candidateId: $candidate, offerId: $offer) {
    score eligible offer { id } reasons { code label labelFr contribution }
  }
}`;
const LIST = `query ($id: ID!) {
  matchOffersForCandidate(candidateId: $id, first: 10) { score eligible offer { id } reasons { code contribution } }
}`;

describe(`one offer matched for a candidate (${engine})`, () => {
  let t: TestApp;
  let employer: Actor;
  let young: Actor;
  let older: Actor;
  let youngId: string;
  let olderId: string;
  let offer: string;
  let draft: string;

  beforeAll(async () => {
    t = await startTestApp();
    employer = await signUpEmployer(t);
    offer = await createOffer(t, employer);
    draft = await createOffer(t, employer, { title: 'Brouillon' }, false);
    young = await signUpCandidate(t, 'Inès Garnier');
    youngId = await upsertProfile(t, young, APPRENTICE_PROFILE);
    older = await signUpCandidate(t, 'Marc Lefebvre');
    olderId = await upsertProfile(t, older, { ...APPRENTICE_PROFILE, birthDate: '1990-05-01' });
  });
  afterAll(() => t.close());

  it('answers what the ranked list answers for the same pair', async () => {
    const one = await t.gql(ONE, { candidate: youngId, offer }, young.token);
    expect(one.errors).toBeUndefined();
    const listed = (await t.gql(LIST, { id: youngId }, young.token)).data!.matchOffersForCandidate.find((m: { offer: { id: string } }) => m.offer.id === offer);
    expect(one.data!.matchOfferForCandidate).toMatchObject({ eligible: true, offer: { id: offer }, score: listed.score });
    expect(one.data!.matchOfferForCandidate.reasons.map((r: { code: string }) => r.code)).toEqual(listed.reasons.map((r: { code: string }) => r.code));
  });

  it('tells an ineligible candidate which rule fails, in both languages', async () => {
    const res = await t.gql(ONE, { candidate: olderId, offer }, older.token);
    expect(res.errors).toBeUndefined();
    const match = res.data!.matchOfferForCandidate;
    expect(match.eligible).toBe(false);
    expect(match.reasons[0]).toMatchObject({ code: 'AGE_ABOVE_MAXIMUM', contribution: 0 });
    expect(match.reasons[0].labelFr).toMatch(/\S/);
  });

  it('is null for an offer that is not on the board', async () => {
    expect((await t.gql(ONE, { candidate: youngId, offer: draft }, young.token)).data!.matchOfferForCandidate).toBeNull();
    expect((await t.gql(ONE, { candidate: youngId, offer: '00000000-0000-4000-8000-000000000000' }, young.token)).data!.matchOfferForCandidate).toBeNull();
  });

  it('is for the candidate themselves: another candidate and employers are refused', async () => {
    const other = await t.gql(ONE, { candidate: youngId, offer }, older.token);
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const byEmployer = await t.gql(ONE, { candidate: youngId, offer }, employer.token);
    expect(byEmployer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
