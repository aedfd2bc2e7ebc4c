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
  const tests: ProgramTest[] = [];
  if (filter.query?.trim()) {
    const words = likeWords(filter.query);
    if (words.length) {
      tests.push((p) => {
        for (const word of words) if (!p.searchTitle.includes(word)) return false;
        return true;
      });
    }
  }
  const { rncpCode, level, poeEligible, country, romeCode } = filter;
  if (rncpCode) tests.push((p) => p.rncpCode === rncpCode);
  if (level != null) tests.push((p) => p.level === level);
  if (poeEligible != null) tests.push((p) => p.poeEligible === poeEligible);
  if (country) tests.push((p) => p.country === country);
  if (romeCode) tests.push((p) => p.romeCodes.includes(romeCode));
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
    const key = searchKey(filter);
    if (key === NO_CONDITIONS) return this.programs;
    const kept = this.matchesByFilter.get(key);
    if (kept) {
      // most recently used last: the first entry is the one to drop
      this.matchesByFilter.delete(key);
      this.matchesByFilter.set(key, kept);
      return kept;
    }
    const test = programTest(filter) as ProgramTest;
    const found = Object.freeze(this.candidates(filter).filter(test));
    if (this.matchesByFilter.size >= KEPT_SEARCHES) this.matchesByFilter.delete(this.matchesByFilter.keys().next().value as string);
    this.matchesByFilter.set(key, found);
    return found;
  }

  /** A subset, in catalogue order, holding every match: the test still applies all conditions. */
  private candidates(filter: ProgramSearch): readonly CatalogueProgram[] {
    if (filter.romeCode) return this.byRomeCode.get(filter.romeCode) ?? [];
    if (filter.rncpCode) return this.byRncpCode.get(filter.rncpCode) ?? [];
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

/**
 * Filters that select the same programs share a key: the same words in any order, the same
 * conditions. A condition counts exactly when `programTest` applies it.
 */
function searchKey(filter: ProgramSearch): string {
  const words = filter.query?.trim() ? [...new Set(likeWords(filter.query))].sort() : [];
  return JSON.stringify([words, filter.rncpCode || null, filter.level ?? null, filter.poeEligible ?? null, filter.country || null, filter.romeCode || null]);
}

const NO_CONDITIONS = searchKey({});

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
