import { Country, Page, PageRequest, isUuid } from '@alternance/platform/domain';
import { PlainEntity } from '@alternance/platform/data-access';
import { likeWords } from '@alternance/taxonomy/data-access';
import { ProgramEntity } from './program.entity';

export interface ProgramSearch {
  query?: string;
  rncpCode?: string;
  level?: number;
  romeCode?: string;
  poeEligible?: boolean;
  country?: Country;
}

/** A program as the catalogue serves it: plain data, frozen (shared by every request). */
export type CatalogueProgram = PlainEntity<ProgramEntity>;

type ProgramTest = (program: CatalogueProgram) => boolean;

/**
 * The conditions a search applies, each present only when it counts (as the SQL builds its
 * `where`): both the test and the key of the kept results are made from this, so they agree.
 */
interface Conditions {
  words?: string[];
  rncpCode?: string;
  level?: number;
  poeEligible?: boolean;
  country?: Country;
  romeCode?: string;
}

function conditionsOf(filter: ProgramSearch): Conditions {
  const words = filter.query?.trim() ? [...new Set(likeWords(filter.query))].sort() : [];
  return {
    ...(words.length ? { words } : {}),
    ...(filter.rncpCode ? { rncpCode: filter.rncpCode } : {}),
    ...(filter.level != null ? { level: filter.level } : {}),
    ...(filter.poeEligible != null ? { poeEligible: filter.poeEligible } : {}),
    ...(filter.country ? { country: filter.country } : {}),
    ...(filter.romeCode ? { romeCode: filter.romeCode } : {}),
  };
}

/**
 * A search's conditions as one test, or null when it has none; the same answers as the SQL
 * (`searchProgramsInDatabase`):
 * - `query`: every word `likeWords` gives appears in `searchTitle`, as LIKE '%word%' finds it.
 *   The words are folded (lower case, no accents) and so is `searchTitle` (`foldText` at import),
 *   so neither holds an ASCII capital: SQLite's LIKE ignoring ASCII case and PostgreSQL's
 *   minding it answer alike, and so does a case-sensitive substring test.
 * - `romeCode`: one of the program's codes. The SQL matched `|code|` in `romeCodesKey`, the same
 *   for any ROME code (the API accepts only `A1234`-shaped ones: no wildcard, no `|`).
 * - the others: equality, given only when set, as the SQL builds its `where`.
 */
export function programTest(filter: ProgramSearch): ProgramTest | null {
  return testOf(conditionsOf(filter));
}

function testOf({ words, rncpCode, level, poeEligible, country, romeCode }: Conditions): ProgramTest | null {
  const tests: ProgramTest[] = [];
  if (words) {
    tests.push((p) => {
      for (const word of words) if (!p.searchTitle.includes(word)) return false;
      return true;
    });
  }
  if (rncpCode !== undefined) tests.push((p) => p.rncpCode === rncpCode);
  if (level !== undefined) tests.push((p) => p.level === level);
  if (poeEligible !== undefined) tests.push((p) => p.poeEligible === poeEligible);
  if (country !== undefined) tests.push((p) => p.country === country);
  if (romeCode !== undefined) tests.push((p) => p.romeCodes.includes(romeCode));
  if (!tests.length) return null;
  if (tests.length === 1) return tests[0];
  return (p) => {
    for (const test of tests) if (!test(p)) return false;
    return true;
  };
}

/**
 * Every program at one moment, in catalogue order, searched in memory. The order is given, not
 * computed: it is the database's `order by title, id`, which follows the database's collation
 * (on PostgreSQL often a locale's, which JavaScript cannot reproduce exactly).
 */
export class ProgramSnapshot {
  readonly programs: readonly CatalogueProgram[];
  private readonly byId: ReadonlyMap<string, CatalogueProgram>;
  /** The programs of each ROME code and RNCP record, in catalogue order: those filters scan a few rows, not all. */
  private readonly byRomeCode = new Map<string, CatalogueProgram[]>();
  private readonly byRncpCode = new Map<string, CatalogueProgram[]>();
  private readonly matchesByFilter = new Map<string, readonly CatalogueProgram[]>();

  constructor(programsInOrder: readonly CatalogueProgram[]) {
    this.programs = Object.freeze(programsInOrder.map(frozenProgram));
    this.byId = new Map(this.programs.map((p) => [p.id, p]));
    for (const program of this.programs) {
      for (const code of new Set(program.romeCodes)) listIn(this.byRomeCode, code).push(program);
      if (program.rncpCode) listIn(this.byRncpCode, program.rncpCode).push(program);
    }
  }

  get size(): number {
    return this.programs.length;
  }

  search(filter: ProgramSearch, page: PageRequest): Page<CatalogueProgram> {
    const matches = this.matches(filter);
    return { items: matches.slice(page.offset, page.offset + page.limit), totalCount: matches.length, ...page };
  }

  /**
   * Every match of a filter, in catalogue order. A snapshot never changes, so the lists of the
   * last filters asked are kept: the next pages and the next visitors' same search cost a slice.
   */
  private matches(filter: ProgramSearch): readonly CatalogueProgram[] {
    const conditions = conditionsOf(filter);
    const test = testOf(conditions);
    if (!test) return this.programs;
    // Filters that select the same programs (the same words in any order) share a key.
    const key = JSON.stringify(conditions);
    const kept = this.matchesByFilter.get(key);
    if (kept) {
      // most recently used last: the first entry is the one to drop
      this.matchesByFilter.delete(key);
      this.matchesByFilter.set(key, kept);
      return kept;
    }
    const found = Object.freeze(this.candidates(conditions).filter(test));
    if (this.matchesByFilter.size >= KEPT_SEARCHES) this.matchesByFilter.delete(this.matchesByFilter.keys().next().value as string);
    this.matchesByFilter.set(key, found);
    return found;
  }

  /** A subset, in catalogue order, holding every match: the test still applies all conditions. */
  private candidates({ romeCode, rncpCode }: Conditions): readonly CatalogueProgram[] {
    if (romeCode !== undefined) return this.byRomeCode.get(romeCode) ?? [];
    if (rncpCode !== undefined) return this.byRncpCode.get(rncpCode) ?? [];
    return this.programs;
  }

  /** The known programs among `ids`; ids that are not UUIDs are unknown, as the SQL lookup treated them. */
  byIds(ids: readonly string[]): Map<string, CatalogueProgram> {
    const found = new Map<string, CatalogueProgram>();
    for (const id of ids) {
      const program = isUuid(id) ? this.byId.get(id) : undefined;
      if (program) found.set(id, program);
    }
    return found;
  }
}

/** Filters kept per snapshot: at most this many lists of references (a few kB each). */
const KEPT_SEARCHES = 256;

function listIn(index: Map<string, CatalogueProgram[]>, key: string): CatalogueProgram[] {
  let list = index.get(key);
  if (!list) index.set(key, (list = []));
  return list;
}

/** A copy that no request can change under the others: the snapshot is shared. */
function frozenProgram(row: CatalogueProgram): CatalogueProgram {
  return Object.freeze({
    id: row.id,
    code: row.code,
    title: row.title,
    searchTitle: row.searchTitle,
    country: row.country,
    rncpCode: row.rncpCode ?? null,
    level: row.level ?? null,
    romeCodes: Object.freeze([...row.romeCodes]) as string[],
    romeCodesKey: row.romeCodesKey,
    durationMonths: row.durationMonths,
    trainingDaysPerWeek: row.trainingDaysPerWeek,
    trainingHours: row.trainingHours,
    // Plain reads convert SQLite's 0/1 already; a row from elsewhere (a test, a cache file) may not.
    poeEligible: Boolean(row.poeEligible),
    openToApprenticeship: Boolean(row.openToApprenticeship),
    competencyBlocks: Object.freeze(
      row.competencyBlocks.map((b) => Object.freeze({ code: b.code, title: b.title, skillCodes: Object.freeze([...b.skillCodes]) as string[] })),
    ) as CatalogueProgram['competencyBlocks'],
  });
}
