import { Role } from '@alternance/platform/domain';
import { CatalogueSuggestions, ProgramCatalogue, ProgramEntity, importPrograms, recordCatalogueImport } from '@alternance/programs/data-access';
import { Actor, signUpEmployer, staff } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';

describe(`catalogue and organizations (${engine})`, () => {
  let t: TestApp;
  let employer: Actor;
  let rival: Actor;
  let recruiter: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    employer = await signUpEmployer(t, 'Atelier Numérique');
    rival = await signUpEmployer(t, 'Concurrent SA');
    recruiter = await staff(t, Role.RECRUITER);
  });
  afterAll(() => t.close());

  it('holds the whole ROME 4.0 referential', async () => {
    const res = await t.gql(`{ occupations(first: 0) { totalCount } skills(first: 0) { totalCount } }`);
    expect(res.data!.occupations.totalCount).toBe(1584);
    expect(res.data!.skills.totalCount).toBeGreaterThan(30000);
  });

  it('finds occupations by words whatever the accents and case, with core skills and neighbours', async () => {
    const res = await t.gql(`{
      occupations(query: "INFORMATIQUE développeur", first: 5) {
        totalCount
        edges { node { code label domain domainLabel skillsNeeded { core skill { code label } } neighbours { rank occupation { code } } } }
      }
    }`);
    const codes = res.data!.occupations.edges.map((e: { node: { code: string } }) => e.node.code);
    expect(codes).toContain('M1805');
    const m1805 = res.data!.occupations.edges.find((e: { node: { code: string } }) => e.node.code === 'M1805').node;
    expect(m1805).toMatchObject({ domain: 'M', domainLabel: 'Support à l\'entreprise' });
    expect(m1805.skillsNeeded.some((s: { core: boolean }) => s.core)).toBe(true);
    expect(m1805.neighbours.length).toBeGreaterThan(0);
  });

  it('pages with cursors and caps the page size', async () => {
    const first = await t.gql(`{ skills(query: "client", first: 3) { totalCount edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }`);
    const page1 = first.data!.skills;
    expect(page1.edges).toHaveLength(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql(`query ($after: String) { skills(query: "client", first: 3, after: $after) { edges { node { code } } pageInfo { hasPreviousPage } } }`, {
      after: page1.pageInfo.endCursor,
    });
    expect(second.data!.skills.pageInfo.hasPreviousPage).toBe(true);
    const overlap = second.data!.skills.edges.filter((e: { node: { code: string } }) => page1.edges.some((p: { node: { code: string } }) => p.node.code === e.node.code));
    expect(overlap).toEqual([]);
    const tooMany = await t.gql(`{ skills(first: 101) { totalCount } }`);
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badCursor = await t.gql(`{ skills(first: 1, after: "bm9wZQ") { totalCount } }`);
    expect(badCursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('looks up one occupation, program and organization by id, and answers null for unknown ones', async () => {
    const occupation = await t.gql(`{ occupation(code: "D1102") { label } missing: occupation(code: "Z9999") { label } }`);
    expect(occupation.data).toEqual({ occupation: { label: 'Boulanger / Boulangère' }, missing: null });
    const some = await t.gql(`{ programs(first: 1) { edges { node { id title } } } }`);
    const { id, title } = some.data!.programs.edges[0].node;
    const one = await t.gql(`query ($id: ID!) { program(id: $id) { title } bad: program(id: "not-a-uuid") { title } }`, { id });
    expect(one.data).toEqual({ program: { title }, bad: null });
    const org = await t.gql(`query ($id: ID!) { organization(id: $id) { name } none: organization(id: "00000000-0000-4000-8000-000000000000") { name } }`, {
      id: employer.organizationId,
    });
    expect(org.data).toEqual({ organization: { name: 'Atelier Numérique' }, none: null });
  });

  it('lists communes of a postcode with coordinates', async () => {
    const res = await t.gql(`{ communes(postcode: "35000") { inseeCode name postcode lat lng } }`);
    expect(res.data!.communes[0]).toMatchObject({ inseeCode: '35238', name: 'Rennes', postcode: '35000' });
    expect(res.data!.communes[0].lat).toBeCloseTo(48.11, 1);
  });

  it('lists training paths open to apprenticeship, filtered by level, words and occupation', async () => {
    const res = await t.gql(`{ programs(first: 5, filter: { query: "informatique", level: 6 }) {
      totalCount edges { node { title level rncpCode romeCodes durationMonths trainingDaysPerWeek trainingHours poeEligible openToApprenticeship competencyBlocks { code title skills { code label } } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.programs.totalCount).toBeGreaterThan(0);
    for (const { node } of res.data!.programs.edges) {
      expect(node.level).toBe(6);
      expect(node.title.toLowerCase()).toMatch(/informatique/);
      expect(node.openToApprenticeship).toBe(true);
      expect(node.rncpCode).toMatch(/^RNCP\d+$/);
      expect(node.durationMonths).toBeGreaterThanOrEqual(6);
      expect(node.durationMonths).toBeLessThanOrEqual(18);
    }
    const byRome = await t.gql(`{ programs(first: 5, filter: { romeCode: "M1805" }) { totalCount edges { node { romeCodes } } } }`);
    expect(byRome.data!.programs.totalCount).toBeGreaterThan(0);
    for (const { node } of byRome.data!.programs.edges) expect(node.romeCodes).toContain('M1805');
  });

  it('lets an employer update its own organization only, and staff any', async () => {
    const update = `mutation ($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id name sector size accessibility { disabilityReferent accommodations } } }`;
    const own = await t.gql(update, { input: { sector: 'Numérique', size: 'SMALL', accessibility: { disabilityReferent: true, accommodations: 'Poste adapté, horaires aménagés' } } }, employer.token);
    expect(own.data!.updateOrganization).toMatchObject({ id: employer.organizationId, sector: 'Numérique', accessibility: { disabilityReferent: true } });
    const other = await t.gql(update, { input: { id: rival.organizationId, name: 'Taken over' } }, employer.token);
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_ORGANIZATION' });
    const byStaff = await t.gql(update, { input: { id: rival.organizationId, name: 'Concurrent et Fils' } }, recruiter.token);
    expect(byStaff.data!.updateOrganization.name).toBe('Concurrent et Fils');
    const staffNoId = await t.gql(update, { input: { name: 'Nope' } }, recruiter.token);
    expect(staffNoId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const anonymous = await t.gql(update, { input: { name: 'Nope' } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  describe('suggest', () => {
    const SUGGEST = `query ($prefix: String!, $kinds: [SuggestionKind!], $first: Int) {
      suggest(prefix: $prefix, kinds: $kinds, first: $first) { kind label value romeCode skillKind name postcode inseeCode lat lng level rncpCode }
    }`;
    interface Suggested {
      kind: string;
      label: string;
      value: string;
      romeCode: string | null;
      skillKind: string | null;
      name: string | null;
      postcode: string | null;
      inseeCode: string | null;
      lat: number | null;
      lng: number | null;
      level: number | null;
      rncpCode: string | null;
    }
    const suggest = async (prefix: string, kinds?: string[], first?: number): Promise<Suggested[]> => {
      const res = await t.gql(SUGGEST, { prefix, kinds, first });
      expect(res.errors).toBeUndefined();
      return res.data!.suggest;
    };
    const errorOf = async (variables: Record<string, unknown>) => (await t.gql(SUGGEST, variables)).errors?.[0].extensions;

    // The first use builds the index from the whole catalogue: seconds on a busy machine.
    beforeAll(() => t.app.get(CatalogueSuggestions).current(), 60_000);

    it('suggests job titles with their ROME code, from a prefix or a typo, to anyone', async () => {
      const [boulanger] = await suggest('boulang', ['JOB_TITLE']);
      expect(boulanger).toEqual({
        kind: 'JOB_TITLE', label: 'Boulanger / Boulangère', value: '11573', romeCode: 'D1102',
        skillKind: null, name: null, postcode: null, inseeCode: null, lat: null, lng: null, level: null, rncpCode: null,
      });
      expect((await suggest('boulangre', ['JOB_TITLE']))[0].label).toBe('Boulanger / Boulangère');
      const web = await suggest('dev web', ['JOB_TITLE'], 3);
      expect(web[0]).toMatchObject({ label: 'Développeur / Développeuse web', romeCode: 'M1855' });
      expect(web).toHaveLength(3);
    });

    it('suggests occupations by words or ROME code', async () => {
      expect((await suggest('boulanger', ['OCCUPATION']))[0]).toMatchObject({ kind: 'OCCUPATION', label: 'Boulanger / Boulangère', value: 'D1102', romeCode: 'D1102' });
      expect(await suggest('M1805', ['OCCUPATION'])).toEqual([expect.objectContaining({ value: 'M1805', label: 'Développeur / Développeuse informatique' })]);
      // a word typed without its accent, still being typed, one letter off ("eleva…")
      expect((await suggest('eleve', ['OCCUPATION'], 20)).map((s) => s.label)).toContain("Aide d'élevage agricole");
    });

    it('suggests communes with their postcode, INSEE code and coordinates, one per postcode', async () => {
      const lyon = await suggest('lyon', ['COMMUNE']);
      expect(lyon).toHaveLength(8);
      expect(lyon[0]).toMatchObject({ kind: 'COMMUNE', label: 'Lyon 01 (69001)', value: '69381', name: 'Lyon 01', postcode: '69001', inseeCode: '69381', romeCode: null });
      expect(lyon[0].lat).toBeCloseTo(45.77, 1);
      expect(lyon[0].lng).toBeCloseTo(4.83, 1);
      for (const commune of lyon) expect(commune.postcode).toMatch(/^690\d\d$/);
      expect((await suggest('beziers', ['COMMUNE']))[0]).toMatchObject({ label: 'Beziers (34500)', inseeCode: '34032' });
      expect((await suggest('bezeirs', ['COMMUNE']))[0]).toMatchObject({ label: 'Beziers (34500)' });
      // La Poste writes "ST ETIENNE": one entry per postcode of the commune
      const stEtienne = await suggest('saint-étienne', ['COMMUNE'], 3);
      expect(stEtienne.map((s) => [s.name, s.inseeCode])).toEqual([['St Etienne', '42218'], ['St Etienne', '42218'], ['St Etienne', '42218']]);
      expect(new Set(stEtienne.map((s) => s.postcode)).size).toBe(3);
      expect((await suggest("l'isle", ['COMMUNE']))[0].label).toBe('L Isle Adam (95290)');
      expect((await suggest('lisle', ['COMMUNE'], 20)).map((s) => s.label)).toEqual(expect.arrayContaining(['Lisle (24350)', 'L Isle Adam (95290)']));
      expect((await suggest('69003', ['COMMUNE']))[0].label).toBe('Lyon 03 (69003)');
    });

    it('suggests skills and training paths with the fields of their kind', async () => {
      const [skill] = await suggest('boulangerie', ['SKILL']);
      expect(skill).toMatchObject({ kind: 'SKILL', romeCode: null, postcode: null });
      expect(skill.label.toLowerCase()).toContain('boulangerie');
      expect(['KNOW_HOW', 'SOFT_SKILL', 'KNOWLEDGE']).toContain(skill.skillKind);
      const programs = await suggest('boulanger', ['PROGRAM'], 5);
      expect(programs.length).toBeGreaterThan(0);
      for (const p of programs) {
        expect(p).toMatchObject({ kind: 'PROGRAM', romeCode: null, inseeCode: null });
        expect(p.label.toLowerCase()).toMatch(/boulang/);
        expect(p.level).toBeGreaterThanOrEqual(3);
        expect(p.rncpCode).toMatch(/^RNCP\d+$/);
      }
      // the value is the path's id, as program(id) takes it
      const one = await t.gql(`query ($id: ID!) { program(id: $id) { title } }`, { id: programs[0].value });
      expect(one.data!.program.title).toBe(programs[0].label);
    });

    it('mixes every kind by default, none taking more than half the list while others have suggestions', async () => {
      const all = await suggest('boulang');
      expect(all).toHaveLength(8);
      const kinds = all.map((s) => s.kind);
      expect(new Set(kinds)).toEqual(new Set(['JOB_TITLE', 'OCCUPATION', 'COMMUNE', 'PROGRAM', 'SKILL']));
      for (const kind of new Set(kinds)) expect(kinds.filter((k) => k === kind).length).toBeLessThanOrEqual(4);
      // only communes match: the whole list is theirs
      expect((await suggest('villeurbanne')).map((s) => s.kind)).toEqual(['COMMUNE']);
      expect(await suggest('zzzzqqq')).toEqual([]);
    });

    it('refuses bad input naming the field', async () => {
      expect(await errorOf({ prefix: '   ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'prefix' });
      expect(await errorOf({ prefix: 'a'.repeat(101) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'prefix' });
      expect(await errorOf({ prefix: ` ${'a'.repeat(100)} ` })).toBeUndefined();
      expect(await errorOf({ prefix: 'lyon', first: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(await errorOf({ prefix: 'lyon', first: 21 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(await errorOf({ prefix: 'lyon', kinds: [] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kinds' });
      expect(await errorOf({ prefix: 'lyon', kinds: ['COMMUNE', 'COMMUNE'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kinds' });
      expect(await errorOf({ prefix: 'lyon', kinds: ['CITY'] })).toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  // Last: it moves the clock and re-imports the programs.
  it('serves paths from memory: another process’s import shows after the refresh interval, this process’s at once', async () => {
    const one = `query ($id: ID!) { program(id: $id) { title } }`;
    const first = (await t.gql(`{ programs(first: 1) { edges { node { id title } } } }`)).data!.programs.edges[0].node;
    const catalogue = t.app.get(ProgramCatalogue);
    try {
      // What another process's import does: the rows and the version, in one transaction.
      await t.orm.em.fork().transactional(async (tx) => {
        await tx.nativeUpdate(ProgramEntity, { id: first.id }, { title: 'Aaa réimporté ailleurs' });
        await recordCatalogueImport(tx);
      });
      expect((await t.gql(one, { id: first.id })).data!.program.title).toBe(first.title);
      t.clock.advance(30_000);
      // this request starts the check in the background and is answered from memory
      expect((await t.gql(one, { id: first.id })).data!.program.title).toBe(first.title);
      await catalogue.settled();
      expect((await t.gql(one, { id: first.id })).data!.program.title).toBe('Aaa réimporté ailleurs');

      await importPrograms(t.orm.em.fork(), t.config.catalogueDir, () => undefined, { replace: true });
      expect((await t.gql(one, { id: first.id })).data!.program.title).toBe(first.title);
    } finally {
      await t.orm.em.fork().nativeUpdate(ProgramEntity, { id: first.id }, { title: first.title });
    }
    // a whole import: a few seconds, more on a busy machine
  }, 60_000);

  // After the re-import above: it moves the clock again.
  it('suggests from the catalogue as imported: another process’s import shows once the catalogue has seen it', async () => {
    const find = async (prefix: string) =>
      (await t.gql(`query ($prefix: String!) { suggest(prefix: $prefix, kinds: [PROGRAM]) { label value } }`, { prefix })).data!.suggest as { label: string; value: string }[];
    const [path] = await find('boulanger');
    const catalogue = t.app.get(ProgramCatalogue);
    try {
      await t.orm.em.fork().transactional(async (tx) => {
        await tx.nativeUpdate(ProgramEntity, { id: path.value }, { title: 'Qwyxographie appliquée' });
        await recordCatalogueImport(tx);
      });
      expect(await find('qwyxographie')).toEqual([]);
      t.clock.advance(30_000);
      // this request starts the catalogue's check in the background and is answered from the index it has
      expect(await find('qwyxographie')).toEqual([]);
      await catalogue.settled();
      expect(await find('qwyxograph')).toEqual([{ label: 'Qwyxographie appliquée', value: path.value }]);
    } finally {
      await t.orm.em.fork().transactional(async (tx) => {
        await tx.nativeUpdate(ProgramEntity, { id: path.value }, { title: path.label });
        await recordCatalogueImport(tx);
      });
    }
    // two builds of the index
  }, 60_000);
});
