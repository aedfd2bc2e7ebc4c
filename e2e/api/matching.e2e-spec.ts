import { Role } from '@alternance/platform/domain';
import { ProgramCatalogue, ProgramEntity, recordCatalogueImport } from '@alternance/programs/data-access';
import { Actor, createOffer, signUpCandidate, signUpEmployer, staff } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';

const OFFER_MATCHES = `query ($id: ID!, $all: Boolean) {
  matchOffersForCandidate(candidateId: $id, first: 10, includeIneligible: $all) {
    score eligible offer { id title } reasons { code label labelFr contribution } trainingGap { skills { code } coveredBy { id } }
  }
}`;
const CANDIDATE_MATCHES = `query ($id: ID!, $all: Boolean) {
  matchCandidatesForOffer(offerId: $id, first: 10, includeIneligible: $all) {
    score eligible candidate { id displayName headline } reasons { code contribution }
  }
}`;

describe(`matching (${engine})`, () => {
  let t: TestApp;
  let employer: Actor;
  let rival: Actor;
  let young: Actor;
  let older: Actor;
  let recruiter: Actor;
  let youngId: string;
  let olderId: string;
  let apprenticeship: string;
  let skills: string[];

  async function profile(actor: Actor, input: Record<string, unknown>): Promise<string> {
    const res = await t.gql(`mutation ($input: CandidateProfileInput!) { upsertMyCandidateProfile(input: $input) { id } }`, { input }, actor.token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.upsertMyCandidateProfile.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    employer = await signUpEmployer(t);
    rival = await signUpEmployer(t, 'Concurrent SA');
    recruiter = await staff(t, Role.RECRUITER);
    skills = (await t.gql(`{ skills(romeCode: "M1805", first: 3) { edges { node { code } } } }`)).data!.skills.edges.map((e: { node: { code: string } }) => e.node.code);
    const created = await t.gql(
      `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }`,
      {
        input: {
          title: 'Développeur web en alternance',
          description: 'Applications web.',
          contractType: 'APPRENTICESHIP',
          romeCode: 'M1805',
          skills: skills.map((code, i) => ({ code, level: 'INTERMEDIATE', required: i < 2 })),
          location: { country: 'FR', postcode: '69003' },
          remotePolicy: 'HYBRID',
          startDate: { earliest: '2027-01-04', latest: '2027-03-01' },
        },
      },
      employer.token,
    );
    apprenticeship = created.data!.createOffer.id;
    await t.gql(`mutation ($id: ID!) { publishOffer(id: $id) { id } }`, { id: apprenticeship }, employer.token);
    const base = {
      desiredRomeCodes: ['M1805'],
      skills: skills.map((code) => ({ code, level: 'ADVANCED' })),
      location: { country: 'FR', postcode: '69003' },
      mobilityRadiusKm: 30,
      remotePreference: 'HYBRID',
      visibility: 'ANONYMOUS',
      availableFrom: '2027-01-04',
    };
    young = await signUpCandidate(t, 'Jeune Candidate');
    youngId = await profile(young, { ...base, headline: 'Développeuse web', birthDate: '2006-05-01' });
    older = await signUpCandidate(t, 'Candidat Expérimenté');
    olderId = await profile(older, { ...base, headline: 'Reconversion web', birthDate: '1990-05-01' });
  });
  afterAll(() => t.close());

  it('matches an eligible candidate with a score and reasons that add up to it', async () => {
    const res = await t.gql(OFFER_MATCHES, { id: youngId }, young.token);
    expect(res.errors).toBeUndefined();
    const [match] = res.data!.matchOffersForCandidate;
    expect(match).toMatchObject({ eligible: true, offer: { id: apprenticeship }, trainingGap: null });
    expect(match.score).toBeGreaterThan(50);
    expect(match.score).toBeLessThanOrEqual(100);
    const sum = match.reasons.reduce((s: number, r: { contribution: number }) => s + r.contribution, 0);
    expect(sum).toBeCloseTo(match.score, 1);
    expect(match.reasons.map((r: { code: string }) => r.code)).toContain('REQUIRED_SKILLS');
  });

  it('leaves out offers the candidate is not eligible for, unless asked, with the legal reason', async () => {
    expect((await t.gql(OFFER_MATCHES, { id: olderId }, older.token)).data!.matchOffersForCandidate).toEqual([]);
    const all = await t.gql(OFFER_MATCHES, { id: olderId, all: true }, older.token);
    const [match] = all.data!.matchOffersForCandidate;
    expect(match.eligible).toBe(false);
    expect(match.reasons[0]).toMatchObject({ code: 'AGE_ABOVE_MAXIMUM', contribution: 0 });
  });

  it('lifts the apprenticeship age limit for a recognised disability', async () => {
    await profile(older, { sensitiveDataConsent: true, disabilityRecognised: true });
    const [match] = (await t.gql(OFFER_MATCHES, { id: olderId }, older.token)).data!.matchOffersForCandidate;
    expect(match).toMatchObject({ eligible: true, offer: { id: apprenticeship } });
    await profile(older, { sensitiveDataConsent: false });
  });

  it('gives the same scores, reasons and ranking whatever priority categories the candidates declare', async () => {
    const answers = async () => [
      (await t.gql(OFFER_MATCHES, { id: youngId, all: true }, young.token)).data,
      (await t.gql(OFFER_MATCHES, { id: olderId, all: true }, older.token)).data,
      (await t.gql(CANDIDATE_MATCHES, { id: apprenticeship, all: true }, recruiter.token)).data,
      (await t.gql(CANDIDATE_MATCHES, { id: apprenticeship }, employer.token)).data,
    ];
    const before = await answers();
    expect(before[2]!.matchCandidatesForOffer).toHaveLength(2);
    const flips: Record<string, unknown>[] = [
      { highestQualification: 'NONE' },
      { highestQualification: 'LEVEL_8' },
      { livesInQpv: true },
      { internationalProtection: true },
      { situationBefore: 'JOB_SEEKER' },
      { highestQualification: 'LEVEL_3', livesInQpv: true, internationalProtection: true, situationBefore: 'EMPLOYED' },
    ];
    for (const flip of flips) {
      await profile(young, { sensitiveDataConsent: true, ...flip });
      await profile(older, { sensitiveDataConsent: true, ...flip, livesInQpv: !flip.livesInQpv });
      expect({ flip, answers: await answers() }).toEqual({ flip, answers: before });
      await profile(young, { sensitiveDataConsent: false });
      await profile(older, { sensitiveDataConsent: false });
    }
  });

  it('gives employers eligible candidates only, without identity for anonymous ones', async () => {
    const res = await t.gql(CANDIDATE_MATCHES, { id: apprenticeship }, employer.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.matchCandidatesForOffer).toEqual([expect.objectContaining({ eligible: true, candidate: { id: youngId, displayName: null, headline: 'Développeuse web' } })]);
    const ineligible = await t.gql(CANDIDATE_MATCHES, { id: apprenticeship, all: true }, employer.token);
    expect(ineligible.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'INELIGIBLE_FOR_STAFF_ONLY' });
    const byStaff = await t.gql(CANDIDATE_MATCHES, { id: apprenticeship, all: true }, recruiter.token);
    expect(byStaff.data!.matchCandidatesForOffer.map((m: { candidate: { id: string } }) => m.candidate.id).sort()).toEqual([youngId, olderId].sort());
  });

  it('sees offers published, closed and profiles changed since the previous query', async () => {
    const ids = async () => (await t.gql(OFFER_MATCHES, { id: youngId }, young.token)).data!.matchOffersForCandidate.map((m: { offer: { id: string } }) => m.offer.id);
    expect(await ids()).toEqual([apprenticeship]);
    const created = await t.gql(
      `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }`,
      {
        input: {
          title: 'Intégrateur web en alternance',
          description: 'Pages web accessibles.',
          contractType: 'APPRENTICESHIP',
          romeCode: 'M1805',
          skills: skills.map((code) => ({ code, level: 'BEGINNER', required: true })),
          location: { country: 'FR', postcode: '69003' },
          remotePolicy: 'HYBRID',
          startDate: { earliest: '2027-01-04', latest: '2027-03-01' },
        },
      },
      rival.token,
    );
    const second = created.data!.createOffer.id;
    expect(await ids()).toEqual([apprenticeship]);
    await t.gql(`mutation ($id: ID!) { publishOffer(id: $id) { id } }`, { id: second }, rival.token);
    expect((await ids()).sort()).toEqual([apprenticeship, second].sort());
    await t.gql(`mutation ($id: ID!) { closeOffer(id: $id) { id } }`, { id: second }, rival.token);
    expect(await ids()).toEqual([apprenticeship]);
    const people = async () => (await t.gql(CANDIDATE_MATCHES, { id: apprenticeship }, employer.token)).data!.matchCandidatesForOffer.map((m: { candidate: { id: string } }) => m.candidate.id);
    expect(await people()).toEqual([youngId]);
    await profile(young, { visibility: 'HIDDEN' });
    expect(await people()).toEqual([]);
    await profile(young, { visibility: 'ANONYMOUS' });
    expect(await people()).toEqual([youngId]);
  });

  it('keeps each side to its own data', async () => {
    expect((await t.gql(OFFER_MATCHES, { id: youngId }, older.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(OFFER_MATCHES, { id: youngId }, recruiter.token)).errors).toBeUndefined();
    expect((await t.gql(OFFER_MATCHES, { id: youngId }, employer.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(CANDIDATE_MATCHES, { id: apprenticeship }, rival.token)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_OFFER' });
    expect((await t.gql(CANDIDATE_MATCHES, { id: apprenticeship }, young.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(OFFER_MATCHES, { id: youngId })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
  it('matches an offer that lists no skills on its occupation’s skills from the referential', async () => {
    const offerId = await createOffer(t, rival, { title: 'Développeur web (offre partenaire)' });
    try {
      const matches = (await t.gql(OFFER_MATCHES, { id: youngId }, young.token)).data!.matchOffersForCandidate;
      expect(matches.map((m: { offer: { id: string } }) => m.offer.id)).toEqual([apprenticeship, offerId]);
      const required = matches[1].reasons.find((r: { code: string }) => r.code === 'REQUIRED_SKILLS');
      const [, held, core] = /^No required skill listed: the skills expected for this occupation \(ROME M1805\) count, (\d+) of its (\d+) core skills held \(3 for full points\)$/.exec(required.label) ?? [];
      // The core skills come from the taxonomy in the database (M1805 has about ten).
      expect(Number(core)).toBeGreaterThan(3);
      expect(Number(held)).toBeLessThanOrEqual(skills.length);
      expect(required.labelFr).toMatch(/^Aucune compétence requise indiquée : les compétences attendues pour ce métier \(ROME M1805\)/);
      const nice = matches[1].reasons.find((r: { code: string }) => r.code === 'NICE_TO_HAVE_SKILLS');
      expect(nice.label).toMatch(/^No skill listed: the other skills of this occupation count as nice to have, \d+ of \d+ held \(1 for full points\)$/);
    } finally {
      await t.gql(`mutation ($id: ID!) { closeOffer(id: $id) { id } }`, { id: offerId }, rival.token);
    }
  });

  // Last: it moves the clock and changes a path as another process's import would.
  it('applies a path changed by an import in another process, once the catalogue has seen it, to matching and applications alike', async () => {
    const program = await t.orm.em.fork().findOneOrFail(ProgramEntity, { openToApprenticeship: true }, { orderBy: { id: 'asc' } });
    const offerId = await createOffer(t, rival, { title: 'Développeur web en alternance, avec son école', programIds: [program.id] });
    const match = async () =>
      (await t.gql(OFFER_MATCHES, { id: youngId, all: true }, young.token)).data!.matchOffersForCandidate.find((m: { offer: { id: string } }) => m.offer.id === offerId);
    expect(await match()).toMatchObject({ eligible: true });
    const reimport = (openToApprenticeship: boolean) =>
      t.orm.em.fork().transactional(async (tx) => {
        await tx.nativeUpdate(ProgramEntity, { id: program.id }, { openToApprenticeship });
        await recordCatalogueImport(tx);
      });
    try {
      await reimport(false);
      t.clock.advance(30_000);
      // This request starts the catalogue's version check in the background.
      await t.gql(`{ programs(first: 1) { totalCount } }`);
      await t.app.get(ProgramCatalogue).settled();
      const after = await match();
      expect(after.eligible).toBe(false);
      expect(after.reasons[0]).toMatchObject({ code: 'PROGRAM_NOT_OPEN_TO_APPRENTICESHIP', contribution: 0 });
      const applied = await t.gql(`mutation ($input: ApplyInput!) { applyToOffer(input: $input) { id } }`, { input: { offerId } }, young.token);
      expect(applied.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ELIGIBLE' });
    } finally {
      await reimport(true);
      await t.gql(`mutation ($id: ID!) { closeOffer(id: $id) { id } }`, { id: offerId }, rival.token);
    }
  });
});
