import { DEFAULT_MINIMUM_COUNT, suppressSmallCounts } from '@alternance/platform/domain';
import { OutcomeKind } from '@alternance/applications/domain';

/*
 * The impact report, computed from plain facts (loaded by the applications feature). Every
 * figure about a declaration (priority categories, gender, disability, situation before) counts
 * consented profiles only; every table goes through `suppressSmallCounts`: no published count
 * under the minimum, and complementary suppression within each table.
 */

export interface ImpactCandidate {
  id: string;
  createdAt: Date;
  consent: boolean;
  /** PUBLIC, ANONYMOUS or HIDDEN: the marketplace shows the first two. */
  visibility: string;
  desiredRomeCodes: readonly string[];
  jobSeeker: boolean;
  disabilityRecognised: boolean | null;
  gender: string | null;
  highestQualification: string | null;
  livesInQpv: boolean | null;
  internationalProtection: boolean | null;
  situationBefore: string | null;
}

export interface ImpactApplication {
  id: string;
  /** Null once the candidate erased their data. */
  candidateId: string | null;
  offerId: string;
  createdAt: Date;
  /** When it moved to HIRED, if it did. */
  hiredAt: Date | null;
}

export interface ImpactOffer {
  id: string;
  romeCode: string;
  contractType: string;
}

export interface ImpactFacts {
  from: Date;
  to: Date;
  candidates: readonly ImpactCandidate[];
  applications: readonly ImpactApplication[];
  offers: readonly ImpactOffer[];
  invitations: readonly { candidateId: string; createdAt: Date }[];
  exposures: readonly { candidateId: string; shownAt: Date }[];
  outcomes: readonly { applicationId: string; answeredAt: Date | null; employed: boolean | null; kind: string | null }[];
  /** Hired applications whose apprentice has a trained mentor and a trained referent; null when mentoring is not available. */
  trainedMentoring: ReadonlySet<string> | null;
  minimum?: number;
}

export interface ImpactRowData {
  label: string;
  column: string | null;
  count: number | null;
  share: number | null;
  suppressed: boolean;
  total: boolean;
  ratio: number | null;
  flagged: boolean | null;
}

export interface ImpactTableData {
  key: string;
  title: string;
  description: string;
  goal: number | null;
  reference: number | null;
  median: number | null;
  note: string | null;
  rows: ImpactRowData[];
}

/**
 * Tech occupations: ROME 4.0's "Systèmes d'information et de télécommunication" (M18xx, every
 * IT and digital job from developer to network technician) and the digital content trades
 * (E1101 animation de site multimédia, E1104 conception de contenus multimédias, E1205
 * réalisation de contenus multimédias).
 */
export function isTechOccupation(romeCode: string): boolean {
  return romeCode.startsWith('M18') || ['E1101', 'E1104', 'E1205'].includes(romeCode);
}

/** The priority categories, each a test on a consented profile. */
export const PRIORITY_CATEGORIES: readonly [string, (c: ImpactCandidate) => boolean][] = [
  ['Low or no qualification (none, or CAP level 3)', (c) => c.highestQualification === 'NONE' || c.highestQualification === 'LEVEL_3'],
  ['Lives in a priority urban area (QPV)', (c) => c.livesInQpv === true],
  ['Refugee or international protection', (c) => c.internationalProtection === true],
  ['Registered job seeker', (c) => c.jobSeeker],
  ['Recognised disability', (c) => c.disabilityRecognised === true],
];

export function inPriorityCategory(c: ImpactCandidate): boolean {
  return PRIORITY_CATEGORIES.some(([, test]) => test(c));
}

export const DURATION_BUCKETS: readonly [string, number, number][] = [
  ['0 to 7 days', 0, 7],
  ['8 to 30 days', 8, 30],
  ['31 to 90 days', 31, 90],
  ['Over 90 days', 91, Infinity],
];

/** What someone does after: employed (any kind), in further study, or neither. */
export function situationAfter(o: { employed: boolean | null; kind: string | null }): 'EMPLOYED' | 'FURTHER_STUDY' | 'NOT_EMPLOYED' {
  if (o.employed) return 'EMPLOYED';
  return o.kind === OutcomeKind.FURTHER_STUDY ? 'FURTHER_STUDY' : 'NOT_EMPLOYED';
}

const DAY = 86_400_000;

function within(at: Date | null, from: Date, to: Date): boolean {
  return !!at && at.getTime() >= from.getTime() && at.getTime() < to.getTime();
}

function share(count: number | null, base: number | null): number | null {
  return count === null || base === null || base === 0 ? null : Math.round((count / base) * 10_000) / 10_000;
}

function row(label: string, count: number | null, base: number | null, extra: Partial<ImpactRowData> = {}): ImpactRowData {
  return { label, column: null, count, share: share(count, base), suppressed: count === null, total: false, ratio: null, flagged: null, ...extra };
}

function table(key: string, title: string, description: string, rows: ImpactRowData[], extra: Partial<ImpactTableData> = {}): ImpactTableData {
  return { key, title, description, goal: null, reference: null, median: null, note: null, rows, ...extra };
}

/** An additive one-way table: the labelled counts and their total, suppressed together. */
function oneWay(key: string, title: string, description: string, entries: readonly [string, number][], minimum: number, extra: Partial<ImpactTableData> = {}): ImpactTableData {
  const s = suppressSmallCounts(entries.map(([, n]) => [n]), minimum);
  const total = s.grandTotal;
  return table(key, title, description, [...entries.map(([label], i) => row(label, s.cells[i][0], total)), row('Total', total, total, { total: true })], extra);
}

/**
 * Overlapping categories of one population: each published as its own two-cell table (in the
 * category, not in it) whose "not in it" cell is never shown, so a small complement cannot be
 * read off the total either.
 */
function overlapping(key: string, title: string, description: string, base: readonly ImpactCandidate[], tests: readonly [string, (c: ImpactCandidate) => boolean][], minimum: number, extra: Partial<ImpactTableData> = {}): ImpactTableData {
  const total = base.length >= minimum ? base.length : null;
  const rows = tests.map(([label, test]) => {
    const yes = base.filter(test).length;
    const s = suppressSmallCounts([[yes], [base.length - yes]], minimum);
    return row(label, s.cells[0][0], total);
  });
  return table(key, title, description, [...rows, row('Declared (consented profiles)', total, total, { total: true })], extra);
}

function median(values: number[], minimum: number): number | null {
  if (values.length < minimum) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function durations(key: string, title: string, description: string, days: number[], minimum: number): ImpactTableData {
  const entries = DURATION_BUCKETS.map(([label, lo, hi]) => [label, days.filter((d) => d >= lo && d <= hi).length] as [string, number]);
  return oneWay(key, title, description, entries, minimum, { median: median(days, minimum) });
}

export function impactReport(facts: ImpactFacts): ImpactTableData[] {
  const minimum = facts.minimum ?? DEFAULT_MINIMUM_COUNT;
  const { from, to } = facts;
  const candidateById = new Map(facts.candidates.map((c) => [c.id, c]));
  const offerById = new Map(facts.offers.map((o) => [o.id, o]));
  const consented = (ids: Iterable<string>): ImpactCandidate[] => [...ids].map((id) => candidateById.get(id)).filter((c): c is ImpactCandidate => !!c && c.consent);

  const candidates = facts.candidates.filter((c) => within(c.createdAt, from, to));
  const applied = facts.applications.filter((a) => within(a.createdAt, from, to));
  const applicantIds = new Set(applied.flatMap((a) => (a.candidateId ? [a.candidateId] : [])));
  const hires = facts.applications.filter((a) => within(a.hiredAt, from, to));
  const hiredIds = new Set(hires.flatMap((a) => (a.candidateId ? [a.candidateId] : [])));
  const answered = facts.outcomes.filter((o) => within(o.answeredAt, from, to));
  const tables: ImpactTableData[] = [];

  // Volumes: four separate populations (not additive), each published or not on its own.
  const volume = (label: string, n: number) => row(label, n >= minimum ? n : null, null);
  tables.push(
    table('volumes', 'People in the period', 'Candidate profiles created, people who applied, hires and outcome answers recorded in the period (each counted on its own).', [
      volume('Candidates', candidates.length),
      volume('Applicants', applicantIds.size),
      volume('Hires', hires.length),
      volume('Outcomes answered', answered.length),
    ]),
  );

  // Priority categories, by stage.
  const stages: [string, string, ImpactCandidate[]][] = [
    ['candidates', 'candidates', consented(candidates.map((c) => c.id))],
    ['applicants', 'applicants', consented(applicantIds)],
    ['hires', 'people hired', consented(hiredIds)],
  ];
  for (const [key, name, base] of stages) {
    tables.push(
      overlapping(
        `priority.${key}`,
        `Priority categories among ${name}`,
        `Consented profiles of the ${name} in the period in at least one priority category, and in each (a person may be in several).`,
        base,
        [['At least one priority category', inPriorityCategory], ...PRIORITY_CATEGORIES],
        minimum,
        { goal: 0.7 },
      ),
    );
  }

  // Women in tech occupations, by stage.
  const genders = ['FEMALE', 'MALE', 'NON_BINARY', 'UNDISCLOSED'];
  const techCandidates = consented(candidates.filter((c) => c.desiredRomeCodes.some(isTechOccupation)).map((c) => c.id));
  const techApplicants = consented(new Set(applied.filter((a) => a.candidateId && isTechOccupation(offerById.get(a.offerId)?.romeCode ?? '')).map((a) => a.candidateId!)));
  const techHires = consented(new Set(hires.filter((a) => a.candidateId && isTechOccupation(offerById.get(a.offerId)?.romeCode ?? '')).map((a) => a.candidateId!)));
  for (const [key, name, base] of [
    ['candidates', 'candidates wishing for a tech occupation', techCandidates],
    ['applicants', 'applicants to tech offers', techApplicants],
    ['hires', 'people hired on tech offers', techHires],
  ] as [string, string, ImpactCandidate[]][]) {
    const declared = base.filter((c) => c.gender);
    tables.push(
      oneWay(
        `womenInTech.${key}`,
        `Gender of the ${name}`,
        `Consented profiles with a declared gender among the ${name} in the period; tech occupations are ROME M18xx (information systems and telecommunications) and the digital content trades E1101, E1104, E1205.`,
        genders.map((g) => [g, declared.filter((c) => c.gender === g).length]),
        minimum,
        { goal: 0.25 },
      ),
    );
  }

  // Apprentices with a disability: a trained mentor and a trained referent.
  const disabledHires = hires.filter((a) => a.candidateId && candidateById.get(a.candidateId)?.consent && candidateById.get(a.candidateId)?.disabilityRecognised === true);
  if (facts.trainedMentoring) {
    const withBoth = disabledHires.filter((a) => facts.trainedMentoring!.has(a.id)).length;
    tables.push(
      oneWay(
        'disabilityMentoring',
        'Apprentices with a disability: trained mentor and referent',
        'Hires of the period whose apprentice declared a recognised disability (with consent), with a mentor trained in disability management and a trained disability referent, or without.',
        [
          ['With a trained mentor and a trained referent', withBoth],
          ['Without', disabledHires.length - withBoth],
        ],
        minimum,
        { goal: 1 },
      ),
    );
  } else {
    tables.push(
      table('disabilityMentoring', 'Apprentices with a disability: trained mentor and referent', 'Not available: mentor assignments are not recorded in this database.', [], {
        goal: 1,
        note: 'Mentor assignments are not available.',
      }),
    );
  }

  // Time to first application (from the profile's creation) and to hire (from the application).
  const firstApplied = new Map<string, Date>();
  for (const a of facts.applications) {
    if (!a.candidateId) continue;
    const seen = firstApplied.get(a.candidateId);
    if (!seen || a.createdAt < seen) firstApplied.set(a.candidateId, a.createdAt);
  }
  const toFirst: number[] = [];
  for (const [id, at] of firstApplied) {
    const c = candidateById.get(id);
    if (c && within(at, from, to)) toFirst.push(Math.max(0, Math.floor((at.getTime() - c.createdAt.getTime()) / DAY)));
  }
  tables.push(durations('timeToFirstApplication', 'Time to first application', 'Candidates whose first application was in the period: whole days from their profile’s creation.', toFirst, minimum));
  tables.push(
    durations(
      'timeToHire',
      'Time to hire',
      'Hires of the period: whole days from the application to the hire.',
      hires.map((a) => Math.max(0, Math.floor((a.hiredAt!.getTime() - a.createdAt.getTime()) / DAY))),
      minimum,
    ),
  );

  // Hires by contract kind.
  const kinds = ['APPRENTICESHIP', 'PROFESSIONALISATION', 'POEI', 'POEC'];
  tables.push(
    oneWay(
      'hiresByContract',
      'Hires by contract kind',
      'Hires of the period by the kind of contract of the offer.',
      kinds.map((k) => [k, hires.filter((a) => offerById.get(a.offerId)?.contractType === k).length]),
      minimum,
    ),
  );

  // Employed at six months, and how.
  const employed = answered.filter((o) => o.employed).length;
  tables.push(
    oneWay(
      'employedAtSixMonths',
      'Employed six months after the apprenticeship',
      'Answers recorded in the period to the question asked six months after each hire’s planned end. Reference: 81% of online apprentices are employed within six months of graduating.',
      [
        ['Employed', employed],
        ['Not employed', answered.length - employed],
      ],
      minimum,
      { reference: 0.81 },
    ),
  );
  const afterKinds: [string, (o: (typeof answered)[number]) => boolean][] = [
    ...[OutcomeKind.CDI, OutcomeKind.CDD, OutcomeKind.APPRENTICESHIP, OutcomeKind.SELF_EMPLOYED, OutcomeKind.OTHER].map(
      (k) => [`Employed: ${k}`, (o: (typeof answered)[number]) => !!o.employed && o.kind === k] as [string, (o: (typeof answered)[number]) => boolean],
    ),
    ['Further study', (o) => situationAfter(o) === 'FURTHER_STUDY'],
    ['Not employed', (o) => situationAfter(o) === 'NOT_EMPLOYED'],
  ];
  tables.push(oneWay('situationAfter', 'Situation six months after', 'Answers recorded in the period, by what the person does.', afterKinds.map(([label, test]) => [label, answered.filter(test).length]), minimum));

  // Situation before (declared with consent) and after: a two-way table.
  const applicationById = new Map(facts.applications.map((a) => [a.id, a]));
  const befores = ['STUDENT', 'JOB_SEEKER', 'EMPLOYED', 'OTHER'];
  const afters = ['EMPLOYED', 'FURTHER_STUDY', 'NOT_EMPLOYED'] as const;
  const grid = befores.map(() => afters.map(() => 0));
  for (const o of answered) {
    const candidateId = applicationById.get(o.applicationId)?.candidateId;
    const c = candidateId ? candidateById.get(candidateId) : undefined;
    if (!c?.consent || !c.situationBefore) continue;
    const i = befores.indexOf(c.situationBefore);
    if (i >= 0) grid[i][afters.indexOf(situationAfter(o))]++;
  }
  const s = suppressSmallCounts(grid, minimum);
  const twoWay: ImpactRowData[] = [];
  befores.forEach((b, i) => {
    afters.forEach((a, j) => twoWay.push(row(b, s.cells[i][j], s.rowTotals[i], { column: a })));
    twoWay.push(row(b, s.rowTotals[i], s.rowTotals[i], { column: 'Total', total: true }));
  });
  afters.forEach((a, j) => twoWay.push(row('Total', s.columnTotals[j], s.grandTotal, { column: a })));
  twoWay.push(row('Total', s.grandTotal, s.grandTotal, { column: 'Total', total: true }));
  tables.push(
    table('situationBeforeAfter', 'Situation before and after', 'Answers recorded in the period whose person declared their situation before (with consent): each row’s shares are of that row’s total.', twoWay),
  );

  tables.push(...fairExposure(facts, candidateById, hires, minimum));
  return tables;
}

/**
 * Fair exposure: per declared group, the share of the eligible pool (consented profiles the
 * marketplace shows, PUBLIC or ANONYMOUS, created before the period's end) shown in an
 * employer's top 20, invited, and hired in the period; each group's rate over the highest of its
 * dimension, flagged under four fifths.
 */
function fairExposure(facts: ImpactFacts, candidateById: Map<string, ImpactCandidate>, hires: readonly ImpactApplication[], minimum: number): ImpactTableData[] {
  const { from, to } = facts;
  const pool = facts.candidates.filter((c) => c.consent && c.visibility !== 'HIDDEN' && c.createdAt.getTime() < to.getTime());
  const measures: [string, Set<string>][] = [
    ['Shown in a top 20', new Set(facts.exposures.filter((e) => within(e.shownAt, from, to)).map((e) => e.candidateId))],
    ['Invited', new Set(facts.invitations.filter((i) => within(i.createdAt, from, to)).map((i) => i.candidateId))],
    ['Hired', new Set(hires.flatMap((a) => (a.candidateId ? [a.candidateId] : [])))],
  ];
  const dimensions: [string, string, [string, (c: ImpactCandidate) => boolean][]][] = [
    ['gender', 'Gender', ['FEMALE', 'MALE', 'NON_BINARY'].map((g) => [g, (c: ImpactCandidate) => c.gender === g] as [string, (c: ImpactCandidate) => boolean])],
    ['disability', 'Recognised disability', [['Recognised disability', (c) => c.disabilityRecognised === true], ['No recognised disability declared', (c) => c.disabilityRecognised !== true]]],
    ['priority', 'Priority categories', [['In at least one priority category', inPriorityCategory], ['In none', (c) => !inPriorityCategory(c)]]],
  ];
  void candidateById;
  return dimensions.map(([key, title, groups]) => {
    const members = groups.map(([, test]) => pool.filter(test));
    // One table per measure (rows: groups; columns: measured, not), the pools being its row
    // totals. A pool hidden in one measure's table is hidden in all three, and protected there.
    const grids = measures.map(([, set]) => members.map((m) => {
      const yes = m.filter((c) => set.has(c.id)).length;
      return [yes, m.length - yes];
    }));
    let forced = members.map(() => false);
    let tablesOut = grids.map((g) => suppressSmallCounts(g, minimum));
    for (let round = 0; round < 10; round++) {
      const next = members.map((_, i) => forced[i] || tablesOut.some((t) => t.rowTotals[i] === null));
      if (next.every((v, i) => v === forced[i]) && round > 0) break;
      forced = next;
      const mask = [...members.map((_, i) => [false, false, forced[i]]), [false, false, false]];
      tablesOut = grids.map((g) => suppressSmallCounts(g, minimum, mask));
    }
    const rows: ImpactRowData[] = [];
    const rates = measures.map((_, k) => members.map((_, i) => share(tablesOut[k].cells[i][0], tablesOut[k].rowTotals[i])));
    groups.forEach(([label], i) => {
      const poolCount = tablesOut.every((t) => t.rowTotals[i] !== null) ? members[i].length : null;
      rows.push(row(label, poolCount, poolCount, { column: 'Eligible pool', total: true }));
      measures.forEach(([measure], k) => {
        const published = rates[k].filter((r): r is number => r !== null);
        const best = published.length > 1 ? Math.max(...published) : null;
        const rate = rates[k][i];
        const ratio = rate !== null && best ? Math.round((rate / best) * 10_000) / 10_000 : null;
        rows.push({ ...row(label, tablesOut[k].cells[i][0], poolCount, { column: measure }), ratio, flagged: ratio === null ? null : ratio < 0.8 });
      });
    });
    return table(
      `fairExposure.${key}`,
      `Fair exposure: ${title}`,
      'Per declared group (consented profiles the marketplace shows, created before the end of the period), the share shown in an employer’s top 20 (search or match), invited and hired in the period; the ratio is the group’s rate over the highest published rate of the dimension, flagged under four fifths (0.8).',
      rows,
    );
  });
}

/** The tables as CSV: one line per cell. */
export function impactCsv(tables: readonly ImpactTableData[]): string {
  const quote = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    const text = String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = ['table,label,column,count,share,suppressed,total,ratio,flagged'];
  for (const t of tables) {
    for (const r of t.rows) lines.push([t.key, r.label, r.column, r.count, r.share, r.suppressed, r.total, r.ratio, r.flagged].map(quote).join(','));
  }
  return `${lines.join('\n')}\n`;
}
