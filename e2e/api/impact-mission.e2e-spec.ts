import { Role } from '@alternance/platform/domain';
import { ApplicationStatus } from '@alternance/applications/domain';
import { MISSION_FROM, MISSION_TO, generateMission, seedMission } from '../../apps/api/src/seed/mission-seed';
import { staff } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';

jest.setTimeout(120_000);

const REPORT = `query ($from: DateTime!, $to: DateTime!) { impactReport(from: $from, to: $to) {
  tables { key rows { label column count share suppressed total } } } }`;

type Row = { label: string; column: string | null; count: number | null; suppressed: boolean; total: boolean };

describe(`impact report on the mission population (${engine})`, () => {
  let t: TestApp;
  let tables: Map<string, Row[]>;
  const population = generateMission();

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2028-01-15T09:00:00Z') });
    await seedMission(t.orm.em.fork());
    const recruiter = await staff(t, Role.RECRUITER);
    const res = await t.gql(REPORT, { from: MISSION_FROM.toISOString(), to: MISSION_TO.toISOString() }, recruiter.token);
    expect(res.errors).toBeUndefined();
    tables = new Map(res.data!.impactReport.tables.map((tb: { key: string; rows: Row[] }) => [tb.key, tb.rows]));
  });
  afterAll(() => t.close());

  /** A published figure equals the independent count; a hidden one is small or protects a small one. */
  function check(key: string, label: string, expected: number, column: string | null = null): void {
    const row = tables.get(key)!.find((r) => r.label === label && r.column === column)!;
    expect({ key, label, row: row.count === null ? 'hidden' : row.count }).toEqual({ key, label, row: row.suppressed ? 'hidden' : expected });
    if (expected < 10) expect(row.suppressed).toBe(true);
  }

  it('publishes no count under 10 anywhere', () => {
    for (const [key, rows] of tables) for (const r of rows) if (r.count !== null) expect({ key, label: r.label, ok: r.count >= 10 }).toEqual({ key, label: r.label, ok: true });
  });

  it('matches an independent count, figure by figure', () => {
    const hires = population.applications.filter((a) => a.hiredAt);
    const hiredPeople = [...new Set(hires.map((a) => a.candidate))].map((i) => population.candidates[i]).filter((c) => c.consent);
    check('volumes', 'Candidates', population.candidates.length);
    check('volumes', 'Applicants', new Set(population.applications.map((a) => a.candidate)).size);
    check('volumes', 'Hires', hires.length);
    check('volumes', 'Outcomes answered', population.outcomes.length);
    for (const kind of ['APPRENTICESHIP', 'PROFESSIONALISATION', 'POEI', 'POEC']) check('hiresByContract', kind, hires.filter((a) => population.offers[a.offer].contractType === kind).length);
    check('hiresByContract', 'Total', hires.length);
    const employed = population.outcomes.filter((o) => o.employed).length;
    check('employedAtSixMonths', 'Employed', employed);
    check('employedAtSixMonths', 'Not employed', population.outcomes.length - employed);
    check('priority.hires', 'Declared (consented profiles)', hiredPeople.length);
    check('priority.hires', 'Registered job seeker', hiredPeople.filter((c) => c.jobSeeker).length);
    check('priority.hires', 'Lives in a priority urban area (QPV)', hiredPeople.filter((c) => c.livesInQpv).length);
    check(
      'priority.hires',
      'At least one priority category',
      hiredPeople.filter((c) => c.jobSeeker || c.livesInQpv || c.internationalProtection || c.disabilityRecognised || c.highestQualification === 'NONE' || c.highestQualification === 'LEVEL_3').length,
    );
    const disabledHires = hires.filter((a) => population.candidates[a.candidate].consent && population.candidates[a.candidate].disabilityRecognised);
    const trained = new Set(population.trainedMentoring);
    check('disabilityMentoring', 'With a trained mentor and a trained referent', disabledHires.filter((a) => trained.has(population.applications.indexOf(a))).length);
    const techHires = [...new Set(hires.filter((a) => /^M18|^E1205/.test(population.offers[a.offer].romeCode)).map((a) => a.candidate))].map((i) => population.candidates[i]).filter((c) => c.consent && c.gender);
    check('womenInTech.hires', 'FEMALE', techHires.filter((c) => c.gender === 'FEMALE').length);
    check('womenInTech.hires', 'MALE', techHires.filter((c) => c.gender === 'MALE').length);
    expect(hires.every((a) => a.status === ApplicationStatus.HIRED)).toBe(true);
    // The population is large enough that the headline figures are published.
    for (const [key, label] of [['volumes', 'Hires'], ['hiresByContract', 'Total'], ['employedAtSixMonths', 'Employed'], ['priority.hires', 'At least one priority category']]) {
      expect({ key, label, published: !tables.get(key)!.find((r) => r.label === label && r.column === null)!.suppressed }).toEqual({ key, label, published: true });
    }
  });

  it('never leaves one hidden cell alone in a row or column of an additive table', () => {
    for (const key of ['hiresByContract', 'employedAtSixMonths', 'situationAfter', 'timeToHire', 'womenInTech.hires', 'womenInTech.applicants']) {
      const rows = tables.get(key)!;
      const hidden = rows.filter((r) => r.suppressed).length;
      expect({ key, lonely: hidden === 1 }).toEqual({ key, lonely: false });
    }
    const grid = tables.get('situationBeforeAfter')!;
    for (const line of new Set(grid.map((r) => r.label))) expect({ line, lonely: grid.filter((r) => r.label === line && r.suppressed).length === 1 }).toEqual({ line, lonely: false });
    for (const column of new Set(grid.map((r) => r.column))) expect({ column, lonely: grid.filter((r) => r.column === column && r.suppressed).length === 1 }).toEqual({ column, lonely: false });
  });
});
